package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/** {@code DETACH PARTITION} without {@code CONCURRENTLY}: an {@code ACCESS EXCLUSIVE} lock on the partitioned table. */
public final class DetachPartition implements LintRule {
    @Override public String name() { return "detach-partition"; }
    @Override public String why() {
        return "ALTER TABLE ... DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: it waits for"
                + " every query on any partition, and every read and write of the whole table waits behind it.";
    }
    @Override public String fix() {
        return "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and later) in a non-atomic migration"
                + " (atomic(false)): it takes only a SHARE UPDATE EXCLUSIVE lock.";
    }
    @Override public String sqlFix() {
        return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and later): it takes only a SHARE UPDATE"
                + " EXCLUSIVE lock; " + Sql.OUTSIDE_TRANSACTION;
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                if (Sql.action("DETACH\\s+PARTITION\\b", action).find()
                        && !Sql.action("DETACH\\s+PARTITION\\s+" + Sql.NAME + "\\s+(?:CONCURRENTLY|FINALIZE)\\b", action).find()) {
                    out.report(this, site.span(), "DETACH PARTITION without CONCURRENTLY locks partitioned table " + table
                            + " with ACCESS EXCLUSIVE");
                }
            }
        });
    }
}
