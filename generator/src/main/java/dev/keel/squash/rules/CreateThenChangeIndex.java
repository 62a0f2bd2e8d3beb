package dev.keel.squash.rules;

import dev.keel.operations.AddIndex;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameIndex;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * An index added to, dropped from or renamed on a model created earlier in the squash is part of the
 * {@code CreateModel}. An index built concurrently on an existing table is built with the new one, where
 * there are no rows to protect.
 */
public final class CreateThenChangeIndex implements FoldRule {
    @Override public String name() { return "create+index change"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (!(first instanceof CreateModel c)) {
            return Optional.empty();
        }
        return Absorb.isOneOf(second, AddIndex.class, RemoveIndex.class, RenameIndex.class) ? Absorb.into(c, second) : Optional.empty();
    }
}
