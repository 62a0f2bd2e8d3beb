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
 * column. Instead: drop the constraints and indexes that use it (concurrently), make the column nullable
 * (so inserts that omit it succeed), and move it to pending; a later migration drops it. The state then
 * matches the database: the column is there, pending, without constraints or indexes.
 *
 * <p>Refused: a column of the primary key, and a column that foreign keys of other tables reference
 * (those must go first).
 */
public final class TwoPhaseColumnRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-column-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof RemoveField remove) || !ctx.existingTable(remove.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(remove.model());
        Column column = table.findFieldOrColumn(remove.field()).orElseThrow();
        String where = "field " + ctx.app() + "." + remove.model() + "." + remove.field() + " (column " + column.name()
                + " of " + table.qualifiedName() + ")";
        if (table.primaryKey() != null && table.primaryKey().columns().contains(column.name())) {
            ctx.refuse(where + ": the column is part of the primary key " + table.primaryKey().name()
                    + "; keel does not remove a key column in two phases."
                    + "\nTo fix: give the table its new primary key in one migration first, then remove the field.");
            return Optional.of(List.of());
        }
        List<String> references = References.to(ctx.current(), table, column.name());
        if (!references.isEmpty()) {
            ctx.refuse(where + ": still referenced by foreign keys of other tables:" + References.listing(references)
                    + "\nTo fix: remove those references first (the relation fields, or their foreign keys), run keel"
                    + " makemigrations, then remove this field.");
            return Optional.of(List.of());
        }
        var steps = new ArrayList<Step>();
        table.constraints().stream().filter(c -> c.uses(column.name()))
                .forEach(c -> steps.add(Step.deploy(new RemoveConstraint(remove.model(), c.name()))));
        table.indexes().stream().filter(i -> i.uses(column.name()))
                .forEach(i -> steps.add(Step.deploy(new RemoveIndex(remove.model(), i.name(), true))));
        if (column.notNull() && column.defaultSql() == null) {
            steps.add(Step.deploy(new AlterField(remove.model(), remove.field(), column.nullable())).last());
        }
        steps.add(Step.deploy(new SafeRemoveField(remove.model(), remove.field(), DeletionAction.MOVE_TO_PENDING)).last());
        return Optional.of(steps);
    }
}
