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
import dev.keel.rewrite.Identifiers;
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
 *   <li>deploy: the new column is added nullable without a default, a trigger keeps the two in step for writes of
 *       either code ({@link AddColumnSync}), and the old column leaves the model, pending, without its default
 *       (NOT NULL only when {@link #keepsNotNull} says so) but with its indexes, unique constraints, foreign keys
 *       and checks: as the trigger keeps it equal to the new column, they index and guard the writes of both codes
 *       until the switch has given the new column its own (those whose names the new column's take are renamed
 *       {@code <name>_keel_old});</li>
 *   <li>post-deployment: the existing rows are copied in resumable batches ({@link CopyColumn}), then the switch
 *       on the new column, each only after the copy: NOT NULL through a validated check, the default, indexes
 *       and unique constraints built concurrently, checks and foreign keys NOT VALID then validated;</li>
 *   <li>contract: {@code makemigrations --delete-pending} drops the trigger, then the old column with its indexes
 *       and constraints.</li>
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
            // a change of the renamed field in the same migration (nullable, default, comment) is the new column's shape
            Optional<Operation> change = ctx.remaining().stream().filter(later -> later instanceof AlterField af
                    && af.model().equals(rename.model()) && af.field().equals(rename.newField())
                    && af.column().name().equals(rename.newColumn()) && af.column().type().equals(old.get().type())).findFirst();
            if (change.isPresent()) {
                target = ((AlterField) change.get()).column().field(rename.newField());
            }
            Optional<List<Step>> steps = plan(ctx, table, rename.model(), rename.oldField(), old.get(), rename.newField(), target);
            if (steps.isPresent()) {
                change.ifPresent(ctx::consume);
            }
            return steps;
        }
        if (op instanceof RemoveIndex ri && ctx.existingTable(ri.model())) {
            return keptThroughRename(ctx, ri.model(), ri.name());
        }
        if (op instanceof RemoveConstraint rc && ctx.existingTable(rc.model())) {
            return keptThroughRename(ctx, rc.model(), rc.name());
        }
        if (op instanceof AlterField alter && ctx.existingTable(alter.model())) {
            Table table = ctx.table(alter.model());
            Optional<Column> old = table.findFieldOrColumn(alter.field());
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
    private static Table companionNames(RewriteContext ctx, String model, Table renamed, String column, boolean columnOnly) {
        Table result = renamed;
        for (Operation later : ctx.remaining()) {
            if (columnOnly && later instanceof AddIndex ai && ai.model().equals(model)) {
                // a column-only rename: the differ adds the index back under the name derived from the new column
                Index wanted = ai.index();
                Optional<Index> i = result.indexes().stream().filter(x -> x.uses(column) && !x.name().equals(wanted.name())
                        && x.withName(wanted.name()).equals(wanted)).findFirst();
                if (i.isPresent() && result.findIndex(wanted.name()).isEmpty()) {
                    result = result.replaceIndex(i.get().name(), wanted);
                    ctx.consume(later);
                }
                continue;
            }
            if (columnOnly && later instanceof AddConstraint ac && ac.model().equals(model)) {
                Constraint wanted = ac.constraint();
                Optional<Constraint> c = result.constraints().stream().filter(x -> x.uses(column)
                        && !x.name().equals(wanted.name()) && x.withName(wanted.name()).equals(wanted)).findFirst();
                if (c.isPresent() && result.findConstraint(wanted.name()).isEmpty()) {
                    result = result.replaceConstraint(c.get().name(), wanted);
                    ctx.consume(later);
                }
                continue;
            }
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

    /** The suffix of an index or constraint of the old column renamed out of the way of the new column's. */
    static final String OLD = "keel_old";

    /** Whether the new column {@code column} of {@code renamed} gets an index or constraint named {@code name}. */
    private static boolean nameTaken(Table renamed, String column, String name) {
        return renamed.indexes().stream().anyMatch(i -> i.uses(column) && i.name().equals(name))
                || renamed.constraints().stream().anyMatch(c -> c.uses(column) && c.name().equals(name));
    }

    /**
     * Whether the old column keeps NOT NULL during the transition. The trigger runs before the constraint is checked,
     * so a write of the new code, which leaves the old column out, gets it filled from the new column; that value is
     * never NULL when the new column is NOT NULL too and neither column has a default (no write of either code relies
     * on one leaving the column out, a default the old column loses and the new one gets only at the switch). Else
     * the old column becomes nullable, so that no write the new schema accepts is refused. (It becomes nullable as
     * well when the field keeps its name and only its column is renamed: the old field must leave the model before
     * the new column, under the same field name, comes in, and so before the sync that would fill it.)
     */
    static boolean keepsNotNull(Column old, Column target) {
        return old.notNull() && old.defaultSql() == null && target.notNull() && target.defaultSql() == null;
    }

    /** Whether the column {@code old} of {@code table} can be renamed {@code newColumn} online (else {@link RenameGuard} decides). */
    private static boolean renamesOnline(RewriteContext ctx, Table table, Column old, String newColumn) {
        return table.entity() != null && old.identity() == Identity.NONE
                && (table.primaryKey() == null || !table.primaryKey().columns().contains(old.name()))
                && References.to(ctx.current(), table, old.name()).isEmpty()
                && table.findColumn(newColumn).isEmpty();
    }

    /**
     * An index or constraint that the differ drops only because a later {@code AlterField} renames a column it uses
     * (only the column's name changes, the field keeps its own), and adds back on the new column, under the same name
     * or the one derived from the new column: the online rename keeps it on the old column until the contract and
     * builds it on the new one after the copy, so the drop is left out and the add taken over.
     */
    private static Optional<List<Step>> keptThroughRename(RewriteContext ctx, String model, String name) {
        Table table = ctx.table(model);
        Optional<Index> index = table.findIndex(name);
        Optional<Constraint> constraint = table.findConstraint(name);
        for (Operation later : ctx.remaining()) {
            if (!(later instanceof AlterField af) || !af.model().equals(model)) {
                continue;
            }
            Optional<Column> old = table.findFieldOrColumn(af.field());
            if (old.isEmpty() || old.get().name().equals(af.column().name()) || !old.get().type().equals(af.column().type())
                    || !(index.map(i -> i.uses(old.get().name())).orElse(false)
                         || constraint.map(c -> c.uses(old.get().name())).orElse(false))
                    || !renamesOnline(ctx, table, old.get(), af.column().name())) {
                continue;
            }
            Table renamed = table.replaceColumn(old.get().name(), old.get().name(af.column().name()));
            for (Operation add : ctx.remaining()) {
                boolean same = add instanceof AddIndex ai && ai.model().equals(model) && index.isPresent()
                        && renamed.findIndex(name).map(i -> i.equals(ai.index())).orElse(false)
                        || add instanceof AddConstraint ac && ac.model().equals(model) && constraint.isPresent()
                        && renamed.findConstraint(name).map(c -> c.equals(ac.constraint())).orElse(false);
                if (same) {
                    ctx.consume(add);
                    return Optional.of(List.of());
                }
                // added back under the name derived from the new column: the rename's plan takes that add over
                boolean renamedAdd = add instanceof AddIndex ai && ai.model().equals(model) && index.isPresent()
                        && renamed.findIndex(name).map(i -> i.withName(ai.index().name()).equals(ai.index())).orElse(false)
                        || add instanceof AddConstraint ac && ac.model().equals(model) && constraint.isPresent()
                        && renamed.findConstraint(name).map(c -> c.withName(ac.constraint().name()).equals(ac.constraint())).orElse(false);
                if (renamedAdd) {
                    return Optional.of(List.of());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Step>> plan(RewriteContext ctx, Table table, String model, String oldField, Column old,
                                             String newField, Column target) {
        if (!renamesOnline(ctx, table, old, target.name())) {
            return Optional.empty();
        }
        var steps = new ArrayList<Step>();
        Table renamed = companionNames(ctx, model, table.replaceColumn(old.name(), target), target.name(), oldField.equals(newField));
        // expand (deploy): the old column leaves the model but keeps its indexes, unique constraints, foreign keys and
        // checks: the trigger keeps it equal to the new column, so they hold for the writes of both codes until the
        // contract. Those whose names the new column's take are renamed out of the way.
        for (Index i : table.indexes()) {
            if (i.uses(old.name()) && nameTaken(renamed, target.name(), i.name())) {
                steps.add(Step.deploy(new RenameIndex(model, i.name(), Identifiers.make(i.name(), OLD))).last());
            }
        }
        for (Constraint c : table.constraints()) {
            if (c.uses(old.name()) && nameTaken(renamed, target.name(), c.name())) {
                steps.add(Step.deploy(new RenameConstraint(model, c.name(), Identifiers.make(c.name(), OLD))).last());
            }
        }
        // a NOT NULL old column leaves the model after the sync that fills it is there; a field that keeps its name
        // (only its column is renamed) must leave first, so its old column cannot keep NOT NULL
        boolean sameField = oldField.equals(newField);
        Column released = keepsNotNull(old, target) && !sameField ? old : old.nullable().defaultSql(null);
        if (!released.equals(old)) {
            steps.add(Step.deploy(new AlterField(model, oldField, released)).last());
        }
        if (sameField) {
            steps.add(Step.deploy(new SafeRemoveField(model, oldField, DeletionAction.MOVE_TO_PENDING)).last());
        }
        Column empty = target.nullable().defaultSql(null);
        steps.add(Step.deploy(new AddField(model, newField, empty)).last());
        steps.add(Step.deploy(new AddColumnSync(model, old.name(), target.name(), SqlText.quote(old.name()),
                SqlText.quote(target.name()))).last());
        if (!sameField) {
            steps.add(Step.deploy(new SafeRemoveField(model, oldField, DeletionAction.MOVE_TO_PENDING)).last());
        }

        // backfill, then the switch (post-deployment): nothing that needs the copied values runs before the copy
        steps.add(Step.post(new CopyColumn(model, target.name(), SqlText.quote(old.name()))));
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
                + target.name() + " its constraints and indexes; until then those of " + old.name() + " stay and hold for"
                + " both codes. Once no running code uses " + old.name()
                + ", run keel makemigrations --delete-pending to drop the trigger and the old column with its indexes and constraints.");
        return Optional.of(steps);
    }
}
