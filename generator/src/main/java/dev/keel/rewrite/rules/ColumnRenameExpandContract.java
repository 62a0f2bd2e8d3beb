package dev.keel.rewrite.rules;

import dev.keel.operations.AddColumnSync;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameField;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.SqlText;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real column rename on an existing table ({@code RenameField} to a new column, or an {@code AlterField} that
 * changes only the column's name) breaks the code still running, which reads and writes the old name; and
 * {@code RENAME COLUMN} then breaks the new code until the deploy ends. Instead, expand and contract:
 * <ol>
 *   <li>deploy: the old column's constraints and indexes go (as for a removed field), the old column becomes
 *       nullable without a default and pending, the new one is added nullable without a default, and a trigger
 *       keeps the two in step for writes of either code ({@link AddColumnSync});</li>
 *   <li>post-deployment: the existing rows are copied in resumable batches ({@link CopyColumn}), then the switch
 *       on the new column, each only after the copy: NOT NULL through a validated check, the default, indexes
 *       and unique constraints built concurrently, checks and foreign keys NOT VALID then validated;</li>
 *   <li>contract: {@code makemigrations --delete-pending} drops the trigger and the old column.</li>
 * </ol>
 * {@code --allow-unsafe rename} keeps the one-step rename. A column of the primary key, an identity column, a
 * column other tables reference, and a column of a join or collection table are left to {@link RenameGuard}.
 */
public final class ColumnRenameExpandContract implements SafetyRule {
    @Override public String name() { return "column-rename-expand-contract"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (ctx.options().allows(SafetyOptions.RENAME)) {
            return Optional.empty();
        }
        if (op instanceof RenameField rename && !rename.stateOnly() && ctx.existingTable(rename.model())) {
            Table table = ctx.table(rename.model());
            Optional<Column> old = table.findField(rename.oldField());
            if (old.isEmpty() || rename.newColumn() == null || rename.newColumn().equals(old.get().name())) {
                return Optional.empty();
            }
            Column target = old.get().name(rename.newColumn()).field(rename.newField());
            return plan(ctx, table, rename.model(), rename.oldField(), old.get(), rename.newField(), target);
        }
        if (op instanceof AlterField alter && ctx.existingTable(alter.model())) {
            Table table = ctx.table(alter.model());
            Optional<Column> old = table.findField(alter.field());
            if (old.isEmpty() || old.get().name().equals(alter.column().name())
                    || !old.get().type().equals(alter.column().type())) {
                return Optional.empty(); // not a rename, or a rename with a type change: the type rules decide
            }
            return plan(ctx, table, alter.model(), alter.field(), old.get(), alter.field(), alter.column().field(alter.field()));
        }
        return Optional.empty();
    }

    /**
     * The table with the constraints and indexes of the renamed column under the names that later operations of this
     * migration give them (a name derived from the column follows it: {@code author_email_key} to
     * {@code author_mail_key}); those renames are consumed, as the constraints and indexes are rebuilt anyway.
     */
    private static Table companionNames(RewriteContext ctx, String model, Table renamed, String column) {
        Table result = renamed;
        for (Operation later : ctx.remaining()) {
            if (later instanceof RenameConstraint rc && rc.model().equals(model)) {
                Optional<Constraint> c = result.findConstraint(rc.oldName()).filter(x -> x.uses(column));
                if (c.isPresent()) {
                    result = result.replaceConstraint(rc.oldName(), c.get().withName(rc.newName()));
                    ctx.consume(later);
                }
            } else if (later instanceof RenameIndex ri && ri.model().equals(model)) {
                Optional<Index> i = result.findIndex(ri.oldName()).filter(x -> x.uses(column));
                if (i.isPresent()) {
                    result = result.replaceIndex(ri.oldName(), i.get().withName(ri.newName()));
                    ctx.consume(later);
                }
            }
        }
        return result;
    }

    private static Optional<List<Step>> plan(RewriteContext ctx, Table table, String model, String oldField, Column old,
                                             String newField, Column target) {
        if (table.entity() == null || old.identity() != Identity.NONE
                || table.primaryKey() != null && table.primaryKey().columns().contains(old.name())
                || !References.to(ctx.current(), table, old.name()).isEmpty()
                || table.findColumn(target.name()).isPresent()) {
            return Optional.empty();
        }
        var steps = new ArrayList<Step>();
        // expand (deploy): the old column leaves the model as a removed field does, the new one comes in empty
        List<Constraint> constraints = table.constraints().stream().filter(c -> c.uses(old.name())).toList();
        List<Index> indexes = table.indexes().stream().filter(i -> i.uses(old.name())).toList();
        constraints.forEach(c -> steps.add(Step.deploy(new RemoveConstraint(model, c.name()))));
        indexes.forEach(i -> steps.add(Step.deploy(new RemoveIndex(model, i.name(), true))));
        Column released = old.nullable().defaultSql(null);
        if (!released.equals(old)) {
            steps.add(Step.deploy(new AlterField(model, oldField, released)).last());
        }
        steps.add(Step.deploy(new SafeRemoveField(model, oldField, DeletionAction.MOVE_TO_PENDING)).last());
        Column empty = target.nullable().defaultSql(null);
        steps.add(Step.deploy(new AddField(model, newField, empty)).last());
        steps.add(Step.deploy(new AddColumnSync(model, old.name(), target.name(), SqlText.quote(old.name()),
                SqlText.quote(target.name()))).last());

        // backfill, then the switch (post-deployment): nothing that needs the copied values runs before the copy
        steps.add(Step.post(new CopyColumn(model, target.name(), SqlText.quote(old.name()))));
        Table renamed = companionNames(ctx, model, table.replaceColumn(old.name(), target), target.name());
        if (target.notNull()) {
            String check = SetNotNullViaCheck.checkName(table, target.name());
            steps.add(Step.post(new AddConstraint(model, new CheckConstraint(check, SqlText.notNullCheck(target.name()), false))));
            steps.add(Step.post(new ValidateConstraint(model, check)));
            steps.add(Step.post(new AlterField(model, newField, target)).last());
            steps.add(Step.post(new RemoveConstraint(model, check)).last());
        } else if (!target.equals(empty)) {
            steps.add(Step.post(new AlterField(model, newField, target)).last());
        }
        for (Constraint c : renamed.constraints()) {
            if (!c.uses(target.name())) {
                continue;
            }
            if (c instanceof UniqueConstraint unique) {
                steps.add(Step.post(new AddIndex(model, new Index(unique.name(), unique.columns(), true, null, null), true)));
                steps.add(Step.post(new AddConstraintUsingIndex(model, unique, unique.name())).last());
            } else if (c instanceof ForeignKey fk && fk.enforced()) {
                steps.add(Step.post(new AddConstraint(model, fk.notValid())));
                if (fk.validated()) {
                    steps.add(Step.post(new ValidateConstraint(model, fk.name())));
                }
            } else if (c instanceof CheckConstraint ck) {
                steps.add(Step.post(new AddConstraint(model, ck.notValid())));
                if (ck.validated()) {
                    steps.add(Step.post(new ValidateConstraint(model, ck.name())));
                }
            } else {
                steps.add(Step.post(new AddConstraint(model, c)));
            }
        }
        for (Index i : renamed.indexes()) {
            if (i.uses(target.name())) {
                steps.add(Step.post(new AddIndex(model, i, true)));
            }
        }
        ctx.note("field " + ctx.app() + "." + model + "." + newField + ": column " + old.name() + " of "
                + table.qualifiedName() + " is renamed to " + target.name() + " online: the deploy migration adds "
                + target.name() + " and a trigger that keeps both columns in step for the old and the new code; the"
                + " post-deployment migrations copy the existing rows (keel migrate --post-deploy) and then give "
                + target.name() + " its constraints and indexes. Once no running code uses " + old.name()
                + ", run keel makemigrations --delete-pending to drop the trigger and the old column.");
        return Optional.of(steps);
    }
}
