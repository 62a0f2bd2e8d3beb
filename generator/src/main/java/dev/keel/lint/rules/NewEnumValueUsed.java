package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;

import java.util.Map;

/**
 * An enum value added by {@code ALTER TYPE ... ADD VALUE} and used later in the same transaction: PostgreSQL refuses
 * it until the transaction that added it commits, so the migration fails when it runs.
 */
public final class NewEnumValueUsed implements LintRule {
    @Override public String name() { return "new-enum-value-used"; }
    @Override public String why() {
        return "PostgreSQL refuses a value that ALTER TYPE ... ADD VALUE added before that transaction commits (unsafe use"
                + " of new value): the INSERT, UPDATE, default or index that uses it fails, and the whole migration with it."
                + " PostgreSQL 11 refuses ADD VALUE inside a transaction block at all.";
    }
    @Override public String fix() {
        return "add the value in a migration of its own (ALTER TYPE ... ADD VALUE IF NOT EXISTS, atomic(false) for PostgreSQL"
                + " 11), and use it in a later migration.";
    }
    @Override public String sqlFix() {
        return "add the value in a file of its own (ALTER TYPE ... ADD VALUE IF NOT EXISTS; on PostgreSQL 11 outside a"
                + " transaction: executeInTransaction=false in V<n>__<name>.sql.conf, Liquibase runInTransaction:false),"
                + " and use it in a later file.";
    }

    @Override public void check(StatementSite site, Findings out) {
        // ADD VALUE 'b' AFTER 'a' may name a value added just before: PostgreSQL reads its catalog row, not the value
        if (!site.atomic() || site.statement().is("ALTER\\s+TYPE\\s+" + Sql.NAME + "\\s+ADD\\s+VALUE\\b")) {
            return;
        }
        for (Map.Entry<String, String> added : site.memory().addedEnumValues().entrySet()) {
            if (site.statement().text().contains(added.getKey())) {
                out.report(this, site.span(), "enum value " + added.getKey() + " of type " + added.getValue()
                        + " is used in the transaction that added it");
                return;
            }
        }
    }
}
