package dev.keel.rewrite.rules;

import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DROP TABLE} breaks the code still running during a deploy. Instead: drop the table's own
 * foreign keys, then move it to pending; a later migration drops it. A table that foreign keys of other
 * tables still reference is refused, naming each of them: those references must go first (the differ
 * drops the ones whose entities changed in the same run before it gets here).
 */
public final class TwoPhaseTableRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-table-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof DeleteModel delete) || !ctx.existingTable(delete.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(delete.model());
        List<String> references = References.to(ctx.current(), table, null);
        if (!references.isEmpty()) {
            ctx.refuse("model " + ctx.app() + "." + delete.model() + ": table " + table.qualifiedName()
                    + " cannot be deleted while foreign keys of other tables reference it:" + References.listing(references)
                    + "\nTo fix: remove those references first (the relation fields, or their foreign keys, in the entities"
                    + " of the apps named), run keel makemigrations for those apps, then delete " + delete.model() + ".");
            return Optional.of(List.of());
        }
        var steps = new ArrayList<Step>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.enforced()) {
                steps.add(Step.deploy(new RemoveConstraint(delete.model(), fk.name())));
            }
        }
        steps.add(Step.deploy(new SafeDeleteModel(delete.model(), DeletionAction.MOVE_TO_PENDING)));
        return Optional.of(steps);
    }
}
