package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

/** An exclusion constraint added to a table that holds rows: its index is built under the {@code ALTER TABLE}'s lock. */
public final class ExclusionConstraint implements LintRule {
    @Override public String name() { return "exclusion-constraint"; }
    @Override public String why() {
        return "ADD CONSTRAINT ... EXCLUDE builds its index and checks every row while holding an ACCESS EXCLUSIVE lock:"
                + " reads and writes of the table wait for the whole build. Unlike UNIQUE it cannot be added NOT VALID or"
                + " from an index built CONCURRENTLY.";
    }
    @Override public String fix() {
        return "add it when the table is created, or while it is small; on a large busy table, enforce the rule in a"
                + " trigger or in the code, or move the rows to a new table that has the constraint. If the table is small"
                + " enough to wait for, say so: // keel:allow exclusion-constraint: <reason>.";
    }
    @Override public String sqlFix() {
        return "add it when the table is created, or while it is small; on a large busy table, enforce the rule in a"
                + " trigger or in the code, or move the rows to a new table that has the constraint. If the table is small"
                + " enough to wait for, say so on the line above: -- keel:allow exclusion-constraint: <reason>.";
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                if (Sql.action("ADD\\s+(?:CONSTRAINT\\s+" + Sql.NAME + "\\s+)?EXCLUDE\\b", action).find()) {
                    out.report(this, site.span(), "ADD CONSTRAINT ... EXCLUDE on existing table " + table
                            + " builds its index under an ACCESS EXCLUSIVE lock");
                }
            }
        });
    }
}
