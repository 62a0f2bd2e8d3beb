package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddConstraint;
import dev.keel.state.UniqueConstraint;

import java.util.regex.Pattern;

/** A unique constraint or primary key added to a table that holds rows, building its index under lock. */
public final class UniqueConstraintWithoutIndex implements LintRule {
    @Override public String name() { return "unique-constraint-without-index"; }
    @Override public String why() {
        return "ADD CONSTRAINT ... UNIQUE (or PRIMARY KEY) builds its index while holding a lock that blocks writes for"
                + " the whole build.";
    }
    @Override public String fix() {
        return "build a unique index CONCURRENTLY first, then attach it: addIndex(model, index(name, columns).unique(), true),"
                + " then addConstraintUsingIndex(model, unique(name, columns), name) (ADD CONSTRAINT ... USING INDEX).";
    }
    @Override public String sqlFix() {
        return "build the unique index first without blocking writes (CREATE UNIQUE INDEX CONCURRENTLY name ON t (cols), "
                + Sql.OUTSIDE_TRANSACTION + "), then attach it in a later file:"
                + " ALTER TABLE t ADD CONSTRAINT name UNIQUE USING INDEX name (or PRIMARY KEY USING INDEX name).";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AddConstraint add && add.constraint() instanceof UniqueConstraint u
                && site.existingTable(add.model())) {
            out.report(this, site.span(), "unique constraint " + u.name() + " builds its index under lock on existing table "
                    + site.table(add.model()).orElseThrow().qualifiedName());
        }
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] name type ... UNIQUE | PRIMARY KEY ...}: a column constraint that builds an index. */
    static boolean inlineKey(String action) {
        return Sql.addedColumn(action)
                .filter(rest -> Pattern.compile("\\b(?:UNIQUE|PRIMARY\\s+KEY)\\b", Pattern.CASE_INSENSITIVE).matcher(rest).find())
                .isPresent();
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                if (Sql.action("ADD\\s+(?:CONSTRAINT\\s+" + Sql.NAME + "\\s+)?(?:UNIQUE|PRIMARY\\s+KEY)\\s*\\(", action).find()) {
                    out.report(this, site.span(), "ADD UNIQUE or PRIMARY KEY without USING INDEX on existing table " + table);
                } else if (inlineKey(action)) {
                    out.report(this, site.span(), "ADD COLUMN with an inline UNIQUE or PRIMARY KEY on existing table " + table
                            + " builds its index under the ALTER TABLE's ACCESS EXCLUSIVE lock: add the column plain, then build"
                            + " the unique index CONCURRENTLY and attach it");
                }
            }
        });
    }
}
