package dev.keel.squash.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A field added and then altered is added as it ends up. */
public final class AddThenAlterField implements FoldRule {
    @Override public String name() { return "add+alter field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AddField a && second instanceof AlterField alter
                && a.model().equals(alter.model()) && a.field().equals(alter.field())) {
            return Optional.of(List.of(new AddField(a.model(), a.field(), alter.column())));
        }
        return Optional.empty();
    }
}
