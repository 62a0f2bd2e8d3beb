package dev.keel.squash.rules;

import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** Both phases of a safe model deletion in one squash are one deletion. */
public final class PendingThenDeleteModel implements FoldRule {
    @Override public String name() { return "pending+delete model"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof SafeDeleteModel a && second instanceof SafeDeleteModel b
                && a.action() == DeletionAction.MOVE_TO_PENDING && b.action() == DeletionAction.DELETE
                && a.model().equals(b.model())) {
            return Optional.of(List.of(new DeleteModel(a.model())));
        }
        return Optional.empty();
    }
}
