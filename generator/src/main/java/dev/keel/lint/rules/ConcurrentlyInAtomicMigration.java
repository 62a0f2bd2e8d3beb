package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddIndex;
import dev.keel.operations.RemoveIndex;

/** A concurrent index build or drop in a migration that runs in one transaction: PostgreSQL refuses it. */
public final class ConcurrentlyInAtomicMigration implements LintRule {
    @Override public String name() { return "concurrently-in-atomic-migration"; }
    @Override public String why() {
        return "PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and"
                + " ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY inside a transaction block: the migration fails when it runs.";
    }
    @Override public String fix() {
        return "declare the migration atomic(false), and keep in it only statements that can be re-run"
                + " (IF NOT EXISTS, IF EXISTS).";
    }
    @Override public String sqlFix() {
        return "run it outside a transaction: put each CONCURRENTLY statement in a file of its own (Flyway runs a file whose"
                + " statements all refuse a transaction without one), or set executeInTransaction=false in the script's"
                + " V<n>__<name>.sql.conf (Liquibase: runInTransaction:false on the changeset), and make it re-runnable"
                + " (IF NOT EXISTS, IF EXISTS).";
    }

    @Override public void check(OperationSite site, Findings out) {
        boolean concurrent = site.operation() instanceof AddIndex a && a.isConcurrent()
                || site.operation() instanceof RemoveIndex r && r.isConcurrent();
        if (concurrent && site.atomic()) {
            out.report(this, site.span(), site.operation().describe() + " cannot run in this atomic migration");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        if (site.atomic() && (site.statement().is("(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\b[^;]*?)\\s+CONCURRENTLY\\b")
                || site.statement().actions().stream().anyMatch(a -> Sql.action("DETACH\\s+PARTITION\\s+" + Sql.NAME
                        + "\\s+CONCURRENTLY\\b", a).find()))) {
            out.report(this, site.span(), "a CONCURRENTLY statement cannot run in this atomic migration");
        }
    }
}
