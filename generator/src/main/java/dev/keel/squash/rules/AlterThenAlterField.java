package dev.keel.squash.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** Two alterations of one field in a row are the last one: it states the whole column. */
public final class AlterThenAlterField implements FoldRule {
    @Override public String name() { return "alter+alter field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AlterField a && second instanceof AlterField b
                && a.model().equals(b.model()) && a.field().equals(b.field())
                && a.column().name().equals(b.column().name())) {
            return Optional.of(List.of(b));
        }
        return Optional.empty();
    }
}
