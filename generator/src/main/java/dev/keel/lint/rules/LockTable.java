package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/** An explicit {@code LOCK TABLE}. */
public final class LockTable implements LintRule {
    @Override public String name() { return "lock-table"; }
    @Override public String why() {
        return "LOCK TABLE holds its lock until the transaction ends; in ACCESS EXCLUSIVE mode (the default) every query"
                + " on the table waits for the rest of the migration.";
    }
    @Override public String fix() {
        return "drop the explicit lock: each statement takes the lock it needs, for as short as it can. To keep two"
                + " writers apart, use an advisory lock (pg_advisory_xact_lock).";
    }

    @Override public void check(StatementSite site, Findings out) {
        if (site.statement().is("LOCK\\b")) {
            out.report(this, site.span(), "explicit " + site.statement().shape());
        }
    }
}
