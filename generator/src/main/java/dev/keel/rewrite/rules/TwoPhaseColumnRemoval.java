package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.SafeRemoveField;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DROP COLUMN} breaks the code still running during a deploy, which selects and inserts the
 * column. Instead: make the column nullable (so inserts that omit it succeed), drop the constraints and
 * indexes that use it, and move it to pending; a later migration drops it.
 */
public final class TwoPhaseColumnRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-column-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof RemoveField remove) || !ctx.existingTable(remove.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(remove.model());
        Column column = table.findField(remove.field()).orElseThrow();
        var steps = new ArrayList<Step>();
        table.constraints().stream().filter(c -> c.columns().contains(column.name()))
                .forEach(c -> steps.add(Step.deploy(new RemoveConstraint(remove.model(), c.name()))));
        table.indexes().stream().filter(i -> i.columns().contains(column.name()))
                .forEach(i -> steps.add(Step.deploy(new RemoveIndex(remove.model(), i.name(), true))));
        if (column.notNull() && column.defaultSql() == null) {
            steps.add(Step.deploy(new AlterField(remove.model(), remove.field(), column.nullable())));
        }
        steps.add(Step.deploy(new SafeRemoveField(remove.model(), remove.field(), DeletionAction.MOVE_TO_PENDING)));
        return Optional.of(steps);
    }
}
