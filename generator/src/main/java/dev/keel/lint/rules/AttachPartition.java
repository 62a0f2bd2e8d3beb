package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;

/**
 * {@code ATTACH PARTITION} of a table that may hold rows: PostgreSQL scans it, under an {@code ACCESS EXCLUSIVE} lock
 * on it, to prove every row fits the partition's bounds (and scans the default partition, if there is one, for rows
 * that now belong to the new one), and builds under that lock the partitioned table's indexes it lacks.
 */
public final class AttachPartition implements LintRule {
    @Override public String name() { return "attach-partition"; }
    @Override public String why() {
        return "ALTER TABLE ... ATTACH PARTITION reads every row of the table it attaches to check the partition bounds,"
                + " holding an ACCESS EXCLUSIVE lock on it (and on a default partition, which it scans too), and creates the"
                + " partitioned table's indexes it lacks under that lock: reads and writes of it wait until the scan ends.";
    }
    @Override public String fix() {
        return "before attaching, give the table a CHECK constraint that states the bounds (ADD CONSTRAINT ... NOT VALID, then"
                + " VALIDATE CONSTRAINT in a later migration) and the parent's indexes (CREATE INDEX CONCURRENTLY, atomic(false)):"
                + " PostgreSQL then skips the scan; drop the check after the attach. If the table is new or empty, say so:"
                + " // keel:allow attach-partition: <reason>.";
    }
    @Override public String sqlFix() {
        return "before attaching, give the table a CHECK constraint that states the bounds (ADD CONSTRAINT ... NOT VALID, then"
                + " VALIDATE CONSTRAINT in a later migration) and the parent's indexes (CREATE INDEX CONCURRENTLY, "
                + Sql.OUTSIDE_TRANSACTION + "): PostgreSQL then skips the scan; drop the check after the attach. If the"
                + " table is new or empty, say so on the line above: -- keel:allow attach-partition: <reason>.";
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().ifPresent(parent -> {
            for (String action : site.statement().actions()) {
                var m = Sql.action("ATTACH\\s+PARTITION\\s+(" + SqlStatement.NAME + ")", action);
                if (m.find()) {
                    String partition = SqlStatement.tableName(m.group(1));
                    if (site.existingTable(partition)) {
                        out.report(this, site.span(), "ATTACH PARTITION scans existing table " + partition
                                + " under an ACCESS EXCLUSIVE lock to check it fits the bounds of " + parent);
                    }
                }
            }
        });
    }
}
