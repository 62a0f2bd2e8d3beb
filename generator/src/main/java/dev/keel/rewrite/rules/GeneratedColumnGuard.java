package dev.keel.rewrite.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.List;
import java.util.Optional;

/**
 * A stored generated column ({@code GENERATED ALWAYS AS (expr) STORED}) is computed for every row when it is added to
 * a table, or when its expression changes (PostgreSQL 17's {@code SET EXPRESSION}): both rewrite the table under an
 * {@code ACCESS EXCLUSIVE} lock, and PostgreSQL has no online form. On an existing table keel refuses both unless
 * allowed ({@code --allow-unsafe generated-column}); an ordinary column cannot become a generated one in place at all.
 * A new table declares its generated columns at once; dropping the expression (the column keeps its values) is a
 * catalog change.
 */
public final class GeneratedColumnGuard implements SafetyRule {
    @Override public String name() { return "generated-column"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof AddField add && add.column().isGenerated() && ctx.existingTable(add.model())
                && !ctx.options().allows(SafetyOptions.GENERATED_COLUMN)) {
            Table table = ctx.table(add.model());
            ctx.refuse("field " + ctx.app() + "." + add.model() + "." + add.field() + ": adding the stored generated column "
                    + add.column().name() + " (" + add.column().generated() + ") computes it for every row of "
                    + table.qualifiedName() + ", a rewrite of the whole table under an exclusive lock that blocks its reads and writes."
                    + "\nTo fix, without the rewrite: map an ordinary nullable field instead, fill it for new rows from the code"
                    + " (or a trigger) and for the existing rows with a batched data migration after deployment;"
                    + "\nor, if the table is small or offline, allow it: keel makemigrations --allow-unsafe generated-column.");
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (!(op instanceof AlterField alter) || !alter.column().isGenerated() || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(alter.model());
        Column old = table.findFieldOrColumn(alter.field()).orElse(null);
        if (old == null || alter.column().generated().equals(old.generated())) {
            return Optional.empty();
        }
        String where = "field " + ctx.app() + "." + alter.model() + "." + alter.field();
        if (!old.isGenerated()) {
            ctx.refuse(where + ": ordinary column " + old.name() + " of " + table.qualifiedName() + " becomes a generated column ("
                    + alter.column().generated() + "), which PostgreSQL cannot do in place."
                    + "\nTo fix: add a new generated field under another column name (on an existing table that rewrites it:"
                    + " --allow-unsafe generated-column), switch the code to it, then remove the old field; or keep the"
                    + " field ordinary and compute its value in the code.");
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (ctx.options().allows(SafetyOptions.GENERATED_COLUMN)) {
            return Optional.empty();
        }
        ctx.refuse(where + ": the expression of generated column " + old.name() + " changes from (" + old.generated() + ") to ("
                + alter.column().generated() + "): PostgreSQL computes it again for every row of " + table.qualifiedName()
                + " (SET EXPRESSION, PostgreSQL 17), a rewrite under an exclusive lock."
                + "\nTo fix: add a new generated field with the new expression under another column name, switch the code to"
                + " it, then remove the old field;"
                + "\nor, if the table is small or offline and the database runs PostgreSQL 17 or later, allow it:"
                + " keel makemigrations --allow-unsafe generated-column.");
        return Optional.of(List.of(Step.deploy(op)));
    }
}
