package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.Identifiers;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.SqlText;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SET NOT NULL} scans the whole table under an exclusive lock. Instead: add
 * {@code CHECK (col IS NOT NULL) NOT VALID}, validate it (writes go on), then {@code SET NOT NULL},
 * which PostgreSQL proves from the valid check without a scan, and drop the check. Other changes to the
 * column go first, in their own {@code AlterField}.
 *
 * <p>On a table named large in keel.json the validation runs after deployment, and the
 * {@code SET NOT NULL} waits for the next {@code makemigrations}, which finds the validated check and
 * writes only the {@code SET NOT NULL} and the drop of the check. The differ then asks to remove that
 * check (the entities do not declare it); that removal is held back until the {@code SET NOT NULL}.
 */
public final class SetNotNullViaCheck implements SafetyRule {
    /** The suffix of the checks keel adds to prove a column NOT NULL. */
    public static final String SUFFIX = "not_null";

    @Override public String name() { return "set-not-null-via-check"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof RemoveConstraint remove && ctx.existingTable(remove.model())) {
            return holdBackProof(ctx, remove);
        }
        if (!(op instanceof AlterField alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(alter.model());
        Column old = table.findFieldOrColumn(alter.field()).orElseThrow();
        if (!old.isNullable() || alter.column().isNullable()) {
            return Optional.empty();
        }
        var steps = new ArrayList<Step>();
        Column stillNullable = alter.column().nullable();
        if (!stillNullable.field(null).sameInDatabase(old.field(null))) {
            steps.add(Step.deploy(new AlterField(alter.model(), alter.field(), stillNullable)));
        }
        Optional<CheckConstraint> proof = validProof(table, old.name());
        if (proof.isPresent()) {
            steps.add(Step.deploy(alter).last());
            steps.add(Step.deploy(new RemoveConstraint(alter.model(), proof.get().name())).last());
            return Optional.of(steps);
        }
        String check = checkName(table, alter.column().name());
        boolean large = ctx.largeTable(alter.model());
        steps.add(Step.deploy(new AddConstraint(alter.model(), new CheckConstraint(check,
                SqlText.notNullCheck(alter.column().name()), false))));
        steps.add(Step.in(large, new ValidateConstraint(alter.model(), check)));
        if (large) {
            ctx.note("field " + ctx.app() + "." + alter.model() + "." + alter.field() + ": table " + table.qualifiedName()
                    + " is large, so the check " + check + " is validated after deployment; the column becomes NOT NULL"
                    + " in a later migration. Run keel makemigrations again once the post-deployment migration has run.");
            return Optional.of(steps);
        }
        steps.add(Step.deploy(alter).last());
        steps.add(Step.deploy(new RemoveConstraint(alter.model(), check)).last());
        return Optional.of(steps);
    }

    /** The name of keel's NOT NULL check of {@code column}, within 63 bytes. */
    public static String checkName(Table table, String column) {
        return Identifiers.make(table.name() + "_" + column, SUFFIX);
    }

    /** keel's validated check proving the column NOT NULL, left by an earlier (large-table) migration. */
    private static Optional<CheckConstraint> validProof(Table table, String column) {
        String name = checkName(table, column);
        return table.checks().stream()
                .filter(c -> c.name().equals(name) && c.validated() && c.expression().equals(SqlText.notNullCheck(column)))
                .findFirst();
    }

    /** Keeps keel's proof check while a later operation of this migration sets its column NOT NULL. */
    private static Optional<List<Step>> holdBackProof(RewriteContext ctx, RemoveConstraint remove) {
        Table table = ctx.table(remove.model());
        for (Operation later : ctx.remaining()) {
            if (later instanceof AlterField alter && alter.model().equals(remove.model()) && !alter.column().isNullable()) {
                var column = table.findFieldOrColumn(alter.field());
                if (column.isPresent() && column.get().isNullable()
                        && validProof(table, column.get().name()).map(c -> c.name().equals(remove.name())).orElse(false)) {
                    return Optional.of(List.of());
                }
            }
        }
        return Optional.empty();
    }
}
