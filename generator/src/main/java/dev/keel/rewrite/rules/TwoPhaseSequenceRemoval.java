package dev.keel.rewrite.rules;

import dev.keel.operations.DeleteSequence;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * {@code DROP SEQUENCE} at deploy time breaks the code still running, which draws the ids of its inserts
 * from it ({@code nextval}), while the table it fills waits in the two-phase removal. Instead the
 * sequence moves to pending with the table and is dropped in the delete phase
 * ({@code makemigrations --delete-pending}), with the pending tables.
 */
public final class TwoPhaseSequenceRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-sequence-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof DeleteSequence delete) || ctx.current().sequence(delete.name()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(Step.deploy(new SafeDeleteSequence(delete.name(), DeletionAction.MOVE_TO_PENDING))));
    }
}
