package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterModelTable;

/** A table the running code uses, renamed (or moved to another schema) in the database. */
public final class RenameTable implements LintRule {
    @Override public String name() { return "rename-table"; }
    @Override public String why() {
        return "the code still running during the deploy uses the old table name: its queries fail from the rename"
                + " until the deploy completes.";
    }
    @Override public String fix() {
        return "keep the table name: @Table(name = \"old_name\") on the renamed entity makes the rename state-only"
                + " (renameModel(oldModel, newModel)).";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AlterModelTable alter && site.existingTable(alter.model())) {
            String from = site.table(alter.model()).orElseThrow().qualifiedName();
            if (!from.equals(alter.table())) {
                out.report(this, site.span(), "existing table " + from + " is renamed to " + alter.table());
            }
        }
        if (site.operation() instanceof dev.keel.operations.RenameSequence rename
                && site.migration().before().sequence(rename.oldName()).isPresent()) {
            out.report(this, site.span(), "existing sequence " + rename.oldName() + " is renamed to " + rename.newName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                if (Sql.action("RENAME\\s+TO\\b|SET\\s+SCHEMA\\b", action).find()) {
                    out.report(this, site.span(), "existing table " + table + " is renamed");
                }
            }
        });
    }
}
