package dev.keel.rewrite.rules;

import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * {@code DROP TABLE} breaks the code still running during a deploy. The foreign keys from and to the
 * table are dropped first (the differ orders them before), then the table moves to pending; a later
 * migration drops it.
 */
public final class TwoPhaseTableRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-table-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof DeleteModel delete) || !ctx.existingTable(delete.model())) {
            return Optional.empty();
        }
        return Optional.of(List.of(Step.deploy(new SafeDeleteModel(delete.model(), DeletionAction.MOVE_TO_PENDING))));
    }
}
