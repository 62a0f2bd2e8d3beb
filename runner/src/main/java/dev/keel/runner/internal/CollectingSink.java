package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.sql.Step;

import java.time.Duration;
import java.util.List;

/**
 * Collects what would run as SQL text, for {@code sqlmigrate}: statements end in {@code ;}, Java
 * calls and guards are comments, and each statement of a non-atomic migration is numbered.
 */
public final class CollectingSink implements SqlSink {
    private final StringBuilder text = new StringBuilder();
    private String lastOperation;

    @Override
    public void timeouts(Duration lockTimeout, Duration statementTimeout) {
        flushBegin(); // a SET inside keel's transaction is printed inside it
        line("SET lock_timeout = '" + interval(lockTimeout) + "';");
        line("SET statement_timeout = " + (statementTimeout == null ? "0" : "'" + interval(statementTimeout) + "'") + ";"
                + (statementTimeout == null ? " -- post-deployment: no statement timeout" : ""));
    }

    /** Whether a BEGIN is still to be printed: a non-atomic step prints its header first. */
    private boolean beginPending;

    @Override
    public void timeouts(Duration lockTimeout, Duration statementTimeout, String why) {
        if (why == null) {
            timeouts(lockTimeout, statementTimeout);
            return;
        }
        flushBegin();
        line("SET lock_timeout = '" + interval(lockTimeout) + "';");
        line("SET statement_timeout = " + (statementTimeout == null ? "0" : "'" + interval(statementTimeout) + "'")
                + "; -- " + why);
    }

    @Override
    public void begin() {
        lastOperation = null;
        beginPending = true;
    }

    private void flushBegin() {
        if (beginPending) {
            beginPending = false;
            line("BEGIN;");
        }
    }

    @Override
    public void commit() {
        flushBegin();
        line("COMMIT;");
    }

    @Override
    public void rollback() {
        // nothing ran
    }

    @Override
    public void run(MigrationSpec migration, ScriptStep step, int index, int count) {
        if (!migration.atomic()) {
            line("-- [non-atomic step " + (index + 1) + " of " + count + ": commits on its own"
                    + (step.locks().isEmpty() ? "" : ", in a transaction with its LOCK TABLE statements") + "] "
                    + step.operation());
            flushBegin();
        } else {
            flushBegin();
            if (!step.operation().equals(lastOperation)) {
                line("-- " + step.operation());
            }
        }
        lastOperation = step.operation();
        boolean explained = false;
        for (Lock lock : step.locks()) {
            if (lock.nowait() && !explained) {
                explained = true;
                List<String> nowait = step.locks().stream().filter(Lock::nowait).map(l -> l.lock().table()).toList();
                String tables = String.join(", ", nowait);
                line("-- NOWAIT: the transaction holds a lock that blocks the readers or writers of " + String.join(", ", lock.holding())
                        + "; keel does not wait for " + tables + " while holding it: if " + (nowait.size() == 1 ? tables : "one")
                        + " is busy, the transaction rolls back at once and keel tries again after a backoff.");
            }
            line(lock.sql() + ";");
        }
        if (step.cleanup() != null) {
            line(step.cleanup().guard().psql(step.cleanup().sql()));
        }
        String sql = step.text();
        if (step.guard() != null && step.step() instanceof Step.Sql) {
            line(step.guard().psql(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql));
            return;
        }
        line(step.step() instanceof Step.Sql && !sql.endsWith(";") ? sql + ";" : sql);
    }

    /** Adds a line of text (a comment, a header). */
    public void line(String line) {
        text.append(line).append('\n');
    }

    /** Everything collected. */
    public String text() {
        return text.toString();
    }

    private static String interval(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
