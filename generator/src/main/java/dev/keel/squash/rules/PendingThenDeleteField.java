package dev.keel.squash.rules;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveField;
import dev.keel.operations.SafeRemoveField;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * Both phases of a safe field removal in one squash are one removal: a database that applies the squash
 * never ran code that wrote the column in between.
 */
public final class PendingThenDeleteField implements FoldRule {
    @Override public String name() { return "pending+delete field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof SafeRemoveField a && second instanceof SafeRemoveField b
                && a.action() == DeletionAction.MOVE_TO_PENDING && b.action() == DeletionAction.DELETE
                && a.model().equals(b.model()) && a.field().equals(b.field())) {
            return Optional.of(List.of(new RemoveField(a.model(), a.field())));
        }
        return Optional.empty();
    }
}
