package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In one transaction, a statement that waits for a lock on an existing table while an earlier statement's
 * {@code ALTER TABLE} lock on another existing table is held: that table's readers and writers queue for the whole wait.
 * The table a foreign key references is not counted: an {@code ADD FOREIGN KEY ... NOT VALID} locks its own table,
 * then the one it references, whatever the file around it, and only {@code lock_timeout} bounds that wait.
 */
public final class SecondTableLock implements LintRule {
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b)(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + Sql.NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?("
                    + Sql.NAME + ")", Pattern.CASE_INSENSITIVE);

    @Override public String name() { return "second-table-lock"; }
    @Override public String why() {
        return "a transaction keeps every lock it took until it ends: while this statement waits for its table (another"
                + " session's open transaction or long query holds it), the table an earlier statement altered stays locked,"
                + " and every reader and writer of that table queues behind it for as long as the wait lasts (without"
                + " lock_timeout, for ever). A deadlock is one step away when another transaction takes the two tables in the"
                + " other order.";
    }
    @Override public String fix() {
        return "change one existing table per migration: keel's own operations need nothing (its runner takes the second"
                + " table with LOCK TABLE ... NOWAIT and retries), but it cannot read what RunSql locks; give the statement a"
                + " migration of its own.";
    }
    @Override public String sqlFix() {
        return "change one existing table per file (Flyway and Liquibase commit each file or changeset, so no transaction"
                + " holds one table while it waits for another), and set lock_timeout so each wait is short.";
    }

    @Override public void check(StatementSite site, Findings out) {
        if (!site.atomic()) {
            return;
        }
        for (String table : waitsFor(site.statement())) {
            if (!site.existingTable(table)) {
                continue;
            }
            Set<String> held = new TreeSet<>(site.memory().lockedTables());
            held.remove(table);
            held.removeIf(t -> !site.existingTable(t));
            if (!held.isEmpty()) {
                out.report(this, site.span(), "the transaction waits for a lock on existing table " + table + " while it"
                        + " holds " + String.join(", ", held) + " (locked by an earlier ALTER TABLE)");
                return;
            }
        }
    }

    /**
     * The table a statement waits for in a mode that blocks writes: its ALTER TABLE's, a plain index build's. (The table
     * a foreign key references is left out: the statement that adds the key locks its own table first, whatever came
     * before, and a lock_timeout bounds it.)
     */
    private static Set<String> waitsFor(SqlStatement statement) {
        var tables = new LinkedHashSet<String>();
        statement.alteredTable().ifPresent(tables::add);
        Matcher index = CREATE_INDEX.matcher(statement.shape());
        if (index.find()) {
            tables.add(SqlStatement.tableName(index.group(1)));
        }
        return tables;
    }

}
