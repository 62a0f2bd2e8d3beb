package dev.keel.squash.rules;

import dev.keel.operations.AddIndex;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** An index built and then dropped leaves nothing. */
public final class AddThenRemoveIndex implements FoldRule {
    @Override public String name() { return "add+remove index"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AddIndex a && second instanceof RemoveIndex r
                && a.model().equals(r.model()) && a.index().name().equals(r.name())) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }
}
