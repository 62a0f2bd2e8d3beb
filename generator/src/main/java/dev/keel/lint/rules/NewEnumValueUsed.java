package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.StatementSite;
import dev.keel.lint.OperationSite;
import dev.keel.operations.AddEnumValue;
import dev.keel.operations.Operation;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SeparateDatabaseAndState;

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
        return "add the value in a migration of its own (addEnumValue, or ALTER TYPE ... ADD VALUE IF NOT EXISTS; atomic(false)"
                + " for PostgreSQL 11), and use it in a later migration: keel makemigrations splits them so.";
    }
    @Override public String sqlFix() {
        return "add the value in a file of its own (ALTER TYPE ... ADD VALUE IF NOT EXISTS; on PostgreSQL 11 outside a"
                + " transaction: executeInTransaction=false in V<n>__<name>.sql.conf, Liquibase runInTransaction:false),"
                + " and use it in a later file.";
    }

    /**
     * An operation of the same atomic migration that names the value (a column default, a check, an index predicate):
     * keel's {@code addEnumValue} and {@code ALTER TYPE ... ADD VALUE} in SQL alike.
     */
    @Override public void check(OperationSite site, Findings out) {
        Operation op = site.operation();
        if (!site.atomic() || op instanceof AddEnumValue || op instanceof RunSql || op instanceof SeparateDatabaseAndState
                || op instanceof RunJava) {
            return;
        }
        String text = op.toString();
        for (Map.Entry<String, String> added : site.migration().memory().addedEnumValues().entrySet()) {
            if (text.contains(added.getKey())) {
                out.report(this, site.span(), "enum value " + added.getKey() + " of type " + added.getValue()
                        + " is used in the transaction that added it (" + op.describe() + ")");
                return;
            }
        }
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
