package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddIndex;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} on a table that holds rows. */
public final class IndexWithoutConcurrently implements LintRule {
    @Override public String name() { return "index-without-concurrently"; }
    @Override public String why() {
        return "CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits"
                + " until the index is built, minutes on a large table.";
    }
    @Override public String fix() {
        return "build it with CREATE INDEX CONCURRENTLY IF NOT EXISTS in a non-atomic migration:"
                + " addIndex(model, index(...), true) with atomic(false), as keel makemigrations writes it.";
    }
    @Override public String sqlFix() {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS ..., " + Sql.OUTSIDE_TRANSACTION;
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AddIndex add && !add.isConcurrent() && site.existingTable(add.model())) {
            out.report(this, site.span(), "index " + add.index().name() + " is built without CONCURRENTLY on existing table "
                    + site.table(add.model()).orElseThrow().qualifiedName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        SqlStatement s = site.statement();
        s.match("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b)(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + Sql.NAME
                + "\\s+)?ON\\s+(ONLY\\s+)?(" + Sql.NAME + ")").ifPresent(m -> {
            String table = SqlStatement.tableName(m.group(2));
            // ON ONLY a partitioned table builds nothing (an invalid index on the parent, which CONCURRENTLY refuses; its
            // partitions' indexes are built and attached one by one): lint takes a table keel's state does not know so
            boolean partitionedParent = m.group(1) != null && site.stateTable(table).isEmpty();
            if (site.existingTable(table) && !partitionedParent) {
                out.report(this, site.span(), "CREATE INDEX without CONCURRENTLY on existing table " + table);
            }
        });
    }
}
