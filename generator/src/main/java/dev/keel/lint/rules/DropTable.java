package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.DeleteModel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table the running code uses, dropped at once: by itself, with its schema ({@code DROP SCHEMA ... CASCADE}) or with
 * its whole database ({@code DROP DATABASE}).
 */
public final class DropTable implements LintRule {
    private static final Pattern NAMES = Pattern.compile(SqlStatement.NAME);

    @Override public String name() { return "drop-table"; }
    @Override public String why() {
        return "the code still running during the deploy reads and writes the table: once it is gone, those requests fail.";
    }
    @Override public String fix() {
        return "delete the model in two phases: drop the foreign keys from and to it and safeDeleteModel(model,"
                + " MOVE_TO_PENDING) now, safeDeleteModel(model, DELETE) in a later deploy (keel makemigrations --delete-pending).";
    }
    @Override public String sqlFix() {
        return "drop it in two deploys: first deploy code that no longer uses the table, and drop the foreign keys that point"
                + " at it; then DROP TABLE in a migration of a later deploy.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof DeleteModel delete && site.existingTable(delete.model())) {
            out.report(this, site.span(), "existing table " + site.table(delete.model()).orElseThrow().qualifiedName()
                    + " is dropped at once");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().match("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$").ifPresent(m -> {
            Matcher names = NAMES.matcher(m.group(1));
            while (names.find()) {
                String table = SqlStatement.tableName(names.group());
                if (site.existingTable(table)) {
                    out.report(this, site.span(), "DROP TABLE " + table + " drops an existing table at once");
                }
            }
        });
        site.statement().match("DROP\\s+SCHEMA\\s+(?:IF\\s+EXISTS\\s+)?(.*?)\\s+CASCADE$").ifPresent(m -> {
            Matcher names = NAMES.matcher(m.group(1));
            while (names.find()) {
                out.report(this, site.span(), "DROP SCHEMA " + SqlStatement.tableName(names.group())
                        + " CASCADE drops every table, sequence and view in it at once");
            }
        });
        site.statement().match("DROP\\s+OWNED\\s+BY\\s+(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$").ifPresent(m ->
                out.report(this, site.span(), "DROP OWNED BY " + m.group(1) + " drops every table, sequence and view those"
                        + " roles own in this database at once"));
        site.statement().match("DROP\\s+DATABASE\\s+(?:IF\\s+EXISTS\\s+)?(" + SqlStatement.NAME + ")").ifPresent(m ->
                out.report(this, site.span(), "DROP DATABASE " + SqlStatement.tableName(m.group(1))
                        + " drops every table of that database at once"));
    }
}
