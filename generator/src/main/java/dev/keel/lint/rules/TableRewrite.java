package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;

/**
 * {@code ALTER TABLE} actions that copy the whole table to new files under an {@code ACCESS EXCLUSIVE} lock:
 * {@code SET TABLESPACE}, {@code SET LOGGED}, {@code SET UNLOGGED} and {@code SET ACCESS METHOD}; and
 * {@code ALTER INDEX ... SET TABLESPACE}, which copies an index under the same lock (every query that could use
 * it waits: its table's planning opens it), and the {@code ALL IN TABLESPACE} forms of both; a generated column's
 * {@code SET EXPRESSION}, and in a keel migration an {@code AlterField} that gives a column of an existing table a new
 * generation expression.
 */
public final class TableRewrite implements LintRule {
    @Override public String name() { return "table-rewrite"; }
    @Override public String why() {
        return "SET TABLESPACE, SET LOGGED / UNLOGGED, SET ACCESS METHOD and a generated column's SET EXPRESSION (PostgreSQL"
                + " 17) write the whole table (and, for a tablespace,"
                + " its indexes) anew while holding an ACCESS EXCLUSIVE lock: every read and write of it waits until the"
                + " copy ends. ALTER INDEX ... SET TABLESPACE copies the index under the same lock, and every query"
                + " planned on its table waits for it.";
    }
    @Override public String fix() {
        return "do it outside the deploy, in a maintenance window or with pg_repack (which moves tables online:"
                + " --tablespace); for a new table, create it with the setting it needs. If the table is small enough to"
                + " wait for, say so: // keel:allow table-rewrite: <reason>.";
    }
    @Override public String sqlFix() {
        return "do it outside the deploy, in a maintenance window or with pg_repack (which moves tables online:"
                + " --tablespace); for a new table, create it with the setting it needs. If the table is small enough to"
                + " wait for, say so on the line above: -- keel:allow table-rewrite: <reason>.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (!(site.operation() instanceof dev.keel.operations.AlterField alter) || !site.existingTable(alter.model())
                || !alter.column().isGenerated()) {
            return;
        }
        var table = site.table(alter.model()).orElseThrow();
        table.findFieldOrColumn(alter.field()).filter(old -> !alter.column().generated().equals(old.generated())).ifPresent(old ->
                out.report(this, site.span(), (old.isGenerated() ? "the expression of generated column " + old.name() + " changes"
                        : "ordinary column " + old.name() + " becomes a generated column") + ": PostgreSQL computes it again for"
                        + " every row, which rewrites existing table " + table.qualifiedName() + " under an ACCESS EXCLUSIVE lock",
                        "add a new field for the new value (an ordinary nullable column, filled for new rows by the code or a"
                                + " trigger and for old rows in batches after deployment), switch the code to it, then remove the old field"));
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().match("ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(" + SqlStatement.NAME + ")\\s+SET\\s+TABLESPACE\\b")
                .ifPresent(m -> out.report(this, site.span(), "ALTER INDEX " + SqlStatement.tableName(m.group(1))
                        + " SET TABLESPACE copies the index under an ACCESS EXCLUSIVE lock"));
        site.statement().match("ALTER\\s+(TABLE|INDEX|MATERIALIZED\\s+VIEW)\\s+ALL\\s+IN\\s+TABLESPACE\\b.*\\bSET\\s+TABLESPACE\\b")
                .ifPresent(m -> out.report(this, site.span(), "ALTER " + m.group(1).toUpperCase(java.util.Locale.ROOT)
                        .replaceAll("\\s+", " ") + " ALL IN TABLESPACE ... SET TABLESPACE copies every one of them under an"
                        + " ACCESS EXCLUSIVE lock"));
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                var expression = Sql.action("ALTER\\s+(?:COLUMN\\s+)?(" + Sql.NAME + ")\\s+SET\\s+EXPRESSION\\b", action);
                if (expression.find()) {
                    out.report(this, site.span(), "SET EXPRESSION of generated column " + SqlStatement.tableName(expression.group(1))
                            + " recomputes it for every row: it rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock",
                            "add a plain column for the new value, fill it for new rows from the code or a trigger and for old"
                                    + " rows in batches after deployment, and switch the code to it (expand and contract)");
                }
                var m = Sql.action("SET\\s+(TABLESPACE|LOGGED|UNLOGGED|ACCESS\\s+METHOD)\\b", action);
                if (m.find()) {
                    out.report(this, site.span(), "SET " + m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")
                            + " rewrites existing table " + table + " under an ACCESS EXCLUSIVE lock");
                }
            }
        });
    }
}
