package dev.keel.squash.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveField;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A field altered and then removed is only removed. */
public final class AlterThenRemoveField implements FoldRule {
    @Override public String name() { return "alter+remove field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AlterField a && second instanceof RemoveField r
                && a.model().equals(r.model()) && a.field().equals(r.field())) {
            return Optional.of(List.of(r));
        }
        return Optional.empty();
    }
}
