package dev.keel.squash.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveField;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A field added and then removed leaves nothing. */
public final class AddThenRemoveField implements FoldRule {
    @Override public String name() { return "add+remove field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AddField a && second instanceof RemoveField r
                && a.model().equals(r.model()) && a.field().equals(r.field())) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }
}
