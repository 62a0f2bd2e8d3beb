package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterModelTable;

/**
 * A table the running code uses, renamed (or moved to another schema) in the database, without a view under
 * its old name in the same migration (the expand form keel writes: {@code alterModelTable} then
 * {@code createCompatibilityView}); a sequence renamed in one step ({@code forkSequence} keeps the old one).
 */
public final class RenameTable implements LintRule {
    @Override public String name() { return "rename-table"; }
    @Override public String why() {
        return "the code still running during the deploy uses the old table name: its queries fail from the rename"
                + " until the deploy completes.";
    }
    @Override public String fix() {
        return "let keel write the rename (keel makemigrations): it keeps the old name as a view over the renamed table"
                + " (createCompatibilityView(old, new, names(...)) after the rename, in the same migration) and forks its"
                + " sequence (forkSequence(old, new, headroom)), until makemigrations --delete-pending; or keep the table"
                + " name: @Table(name = \"old_name\") on the renamed entity makes the rename state-only.";
    }
    @Override public String sqlFix() {
        return "rename it and keep the old name as a view in the same transaction (ALTER TABLE old RENAME TO new; CREATE VIEW"
                + " old AS SELECT * FROM new;), so the running code still reads and writes the old name (a simple view is"
                + " updatable); drop the view in a later deploy, once no code uses the old name.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AlterModelTable alter && site.existingTable(alter.model())) {
            String from = site.table(alter.model()).orElseThrow().qualifiedName();
            if (!from.equals(alter.table()) && !CompatibilityViews.keepsOldName(site.migration(), from, alter.table())) {
                out.report(this, site.span(), "existing table " + from + " is renamed to " + alter.table());
            }
        }
        if (site.operation() instanceof dev.keel.operations.RenameSequence rename
                && site.migration().before().sequence(rename.oldName()).isPresent()) {
            out.report(this, site.span(), "existing sequence " + rename.oldName() + " is renamed to " + rename.newName()
                    + ": the running code's nextval('" + rename.oldName() + "') fails (forkSequence keeps it)");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().match("ALTER\\s+SCHEMA\\s+(" + Sql.NAME + ")\\s+RENAME\\s+TO\\b").ifPresent(m ->
                out.report(this, site.span(), "schema " + dev.keel.lint.SqlStatement.tableName(m.group(1)) + " is renamed: every"
                        + " table, view and sequence in it is renamed at once"));
        site.statement().match("ALTER\\s+SEQUENCE\\s+(?:IF\\s+EXISTS\\s+)?(" + Sql.NAME + ")\\s+(?:RENAME\\s+TO|SET\\s+SCHEMA)\\b")
                .map(m -> dev.keel.lint.SqlStatement.tableName(m.group(1))).filter(site::existingTable).ifPresent(sequence ->
                        out.report(this, site.span(), "existing sequence " + sequence + " is renamed: the running code's"
                                + " nextval('" + sequence + "') fails"));
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                java.util.regex.Matcher to = Sql.action("RENAME\\s+TO\\s+(" + Sql.NAME + ")", action);
                if (to.find() && CompatibilityViews.keepsOldName(site.operation().migration(), table,
                        CompatibilityViews.renamedTo(table, to.group(1)))) {
                    continue;
                }
                if (Sql.action("RENAME\\s+TO\\b|SET\\s+SCHEMA\\b", action).find()) {
                    out.report(this, site.span(), "existing table " + table + " is renamed");
                }
            }
        });
    }
}
