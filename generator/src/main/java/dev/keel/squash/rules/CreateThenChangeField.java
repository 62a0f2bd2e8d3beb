package dev.keel.squash.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.AlterField;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RenameField;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * A field added to, altered on, removed from or renamed on a model created earlier in the squash is
 * part of the {@code CreateModel}: the column is created as it ends up (or not at all).
 */
public final class CreateThenChangeField implements FoldRule {
    @Override public String name() { return "create+field change"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (!(first instanceof CreateModel c)) {
            return Optional.empty();
        }
        return Absorb.isOneOf(second, AddField.class, AlterField.class, RemoveField.class, RenameField.class) ? Absorb.into(c, second) : Optional.empty();
    }
}
