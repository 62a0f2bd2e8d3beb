package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.RemoveField;

import java.util.regex.Matcher;

/** A column dropped at once from a table the running code uses. */
public final class DropColumn implements LintRule {
    @Override public String name() { return "drop-column"; }
    @Override public String why() {
        return "the code still running during the deploy selects and inserts the column: once it is gone, those"
                + " queries fail until the deploy completes.";
    }
    @Override public String fix() {
        return "remove the field in two phases: make it nullable and safeRemoveField(model, field, MOVE_TO_PENDING) now,"
                + " safeRemoveField(model, field, DELETE) in a later deploy (keel makemigrations --delete-pending).";
    }
    @Override public String sqlFix() {
        return "remove it in two deploys: first deploy code that no longer reads or writes the column (and, if it is NOT NULL,"
                + " ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL in this migration so the new code's inserts work); then"
                + " DROP COLUMN in a migration of a later deploy.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof RemoveField remove && site.existingTable(remove.model())) {
            out.report(this, site.span(), "field " + remove.field() + " is dropped at once from existing table "
                    + site.table(remove.model()).orElseThrow().qualifiedName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("DROP\\s+(?!CONSTRAINT\\b)(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + Sql.NAME + ")", action);
                if (m.find()) {
                    out.report(this, site.span(), "DROP COLUMN " + SqlStatement.tableName(m.group(1)) + " on existing table " + table);
                }
            }
        });
        site.statement().match("DROP\\s+(TYPE|DOMAIN|EXTENSION)\\s+(?:IF\\s+EXISTS\\s+)?(.*?)\\s+CASCADE$").ifPresent(m ->
                out.report(this, site.span(), "DROP " + m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + m.group(2)
                        + " CASCADE drops every column of " + (m.group(1).equalsIgnoreCase("EXTENSION") ? "its types" : "that type")
                        + " at once, on every table"));
    }
}
