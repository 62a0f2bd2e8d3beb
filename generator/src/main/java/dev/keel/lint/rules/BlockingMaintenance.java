package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/**
 * {@code VACUUM FULL}, {@code CLUSTER}, and {@code REINDEX} or {@code REFRESH MATERIALIZED VIEW} without
 * {@code CONCURRENTLY}, in a migration.
 */
public final class BlockingMaintenance implements LintRule {
    @Override public String name() { return "blocking-maintenance"; }
    @Override public String why() {
        return "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock; REINDEX without CONCURRENTLY"
                + " blocks writes, and reads that use the index, for the whole rebuild; REFRESH MATERIALIZED VIEW without"
                + " CONCURRENTLY blocks every read of the view until it is filled again.";
    }
    @Override public String fix() {
        return "use REINDEX ... CONCURRENTLY in a non-atomic migration, and REFRESH MATERIALIZED VIEW CONCURRENTLY (the"
                + " view needs a unique index); for bloat, run plain VACUUM or pg_repack"
                + " outside migrations.";
    }
    @Override public String sqlFix() {
        return "REINDEX ... CONCURRENTLY (" + Sql.OUTSIDE_TRANSACTION + ") and REFRESH MATERIALIZED VIEW CONCURRENTLY (the"
                + " view needs a unique index); for bloat, run plain VACUUM, or pg_repack outside migrations.";
    }

    @Override public void check(StatementSite site, Findings out) {
        var s = site.statement();
        boolean blocking = s.is("VACUUM\\s+(?:\\([^)]*\\bFULL\\b(?!\\s+(?:FALSE|OFF|0)\\b)[^)]*\\)|FULL\\b)") || s.is("CLUSTER\\b")
                || s.is("REINDEX\\b") && !s.contains("\\bCONCURRENTLY\\b(?!\\s+(?:FALSE|OFF|0)\\b)")
                || s.is("REFRESH\\s+MATERIALIZED\\s+VIEW\\b") && !s.is("REFRESH\\s+MATERIALIZED\\s+VIEW\\s+CONCURRENTLY\\b");
        if (blocking) {
            out.report(this, site.span(), "blocking maintenance: " + s.shape());
        }
    }
}
