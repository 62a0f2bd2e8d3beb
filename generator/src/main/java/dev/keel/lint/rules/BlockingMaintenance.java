package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/** {@code VACUUM FULL}, {@code CLUSTER} and {@code REINDEX} without {@code CONCURRENTLY} in a migration. */
public final class BlockingMaintenance implements LintRule {
    @Override public String name() { return "blocking-maintenance"; }
    @Override public String why() {
        return "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock; REINDEX without CONCURRENTLY"
                + " blocks writes, and reads that use the index, for the whole rebuild.";
    }
    @Override public String fix() {
        return "use REINDEX ... CONCURRENTLY in a non-atomic migration; for bloat, run plain VACUUM or pg_repack"
                + " outside migrations.";
    }

    @Override public void check(StatementSite site, Findings out) {
        var s = site.statement();
        boolean blocking = s.is("VACUUM\\s+(?:\\([^)]*\\bFULL\\b[^)]*\\)|FULL\\b)") || s.is("CLUSTER\\b")
                || s.is("REINDEX\\b") && !s.contains("\\bCONCURRENTLY\\b");
        if (blocking) {
            out.report(this, site.span(), "blocking maintenance: " + s.shape());
        }
    }
}
