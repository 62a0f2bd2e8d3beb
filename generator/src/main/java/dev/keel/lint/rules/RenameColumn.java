package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterField;
import dev.keel.operations.RenameField;
import dev.keel.state.Column;

import java.util.regex.Matcher;

/**
 * A column of a table the running code uses, renamed in the database in one step. keel's expand form
 * (a new column kept in step by {@code addColumnSync}, filled by {@code copyColumn}) renames nothing. A column of a
 * table renamed earlier in the same migration is not on a table the running code uses under that name: the
 * table rename is what {@code rename-table} judges (with a view under the old name, the old code reaches the
 * column through the view, under its old name).
 */
public final class RenameColumn implements LintRule {
    @Override public String name() { return "rename-column"; }
    @Override public String why() {
        return "the code still running during the deploy uses the old column name: its queries fail from the rename"
                + " until the deploy completes.";
    }
    @Override public String fix() {
        return "let keel write the rename (keel makemigrations): a new column kept in step with the old one by a trigger"
                + " (addColumnSync), filled after the deploy (copyColumn), the old one dropped by makemigrations --delete-pending;"
                + " or keep the column name: @Column(name = \"old_name\") on the renamed field makes the rename state-only"
                + " (renameField(model, oldField, newField)).";
    }
    @Override public String sqlFix() {
        return "expand and contract over several deploys: ADD COLUMN under the new name, a trigger that copies each write"
                + " from the old column to the new one, a batched UPDATE after the deploy that copies the old rows, code that"
                + " reads the new name, and DROP COLUMN of the old one in a later deploy.";
    }

    @Override public void check(OperationSite site, Findings out) {
        String model = null;
        String field = null;
        String to = null;
        if (site.operation() instanceof RenameField r && !r.stateOnly()) {
            model = r.model();
            field = r.oldField();
            to = r.newColumn();
        } else if (site.operation() instanceof AlterField a) {
            model = a.model();
            field = a.field();
            to = a.column().name();
        }
        if (model == null || !site.existingTable(model)) {
            return;
        }
        String from = site.table(model).orElseThrow().findFieldOrColumn(field).map(Column::name).orElse(to);
        if (!from.equals(to)) {
            out.report(this, site.span(), "column " + from + " of existing table " + site.table(model).orElseThrow().qualifiedName()
                    + " is renamed to " + to);
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("RENAME\\s+(?!CONSTRAINT\\b|TO\\b)(?:COLUMN\\s+)?(" + Sql.NAME + ")\\s+TO\\s+(" + Sql.NAME + ")", action);
                if (m.find()) {
                    out.report(this, site.span(), "RENAME COLUMN " + SqlStatement.tableName(m.group(1)) + " TO "
                            + SqlStatement.tableName(m.group(2)) + " on existing table " + table);
                }
            }
        });
    }
}
