package dev.keel.squash.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.ValidateConstraint;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * A constraint added to (NOT VALID or not), validated on, dropped from or renamed on a model created
 * earlier in the squash is part of the {@code CreateModel}: a NOT VALID constraint validated later is
 * created valid, as there are no rows to scan.
 */
public final class CreateThenChangeConstraint implements FoldRule {
    @Override public String name() { return "create+constraint change"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (!(first instanceof CreateModel c)) {
            return Optional.empty();
        }
        return Absorb.isOneOf(second, AddConstraint.class, AddConstraintUsingIndex.class, RemoveConstraint.class, RenameConstraint.class, ValidateConstraint.class) ? Absorb.into(c, second) : Optional.empty();
    }
}
