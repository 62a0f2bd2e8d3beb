package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;

import java.time.Duration;

/**
 * Where the executor sends what a migration runs: a database ({@link JdbcSink}) or a text
 * ({@link CollectingSink}, which is what {@code sqlmigrate} prints).
 */
public interface SqlSink {
    /** Sets the session's timeouts; a null {@code statementTimeout} means none. Outside any transaction. */
    void timeouts(Duration lockTimeout, Duration statementTimeout) throws Exception;

    /** {@link #timeouts(Duration, Duration)}, with why they change (for the printed SQL), or null. */
    default void timeouts(Duration lockTimeout, Duration statementTimeout, String why) throws Exception {
        timeouts(lockTimeout, statementTimeout);
    }

    /** Opens a transaction. */
    void begin() throws Exception;

    /** Commits the open transaction. */
    void commit() throws Exception;

    /** Rolls the open transaction back; never fails (the failure that caused it is the one to report). */
    void rollback();

    /**
     * Runs one step of {@code migration}: checks its guard, then runs the statement or calls the Java method.
     *
     * @param index the step's place in its script, from 0; {@code count} steps in all
     */
    void run(MigrationSpec migration, ScriptStep step, int index, int count) throws Exception;

    /**
     * After {@code step} failed for good: runs its cleanup ({@link ScriptStep#cleanup}: the drop of the invalid index a
     * failed concurrent build leaves) when its guard says there is something to clean, so that no invalid index stays
     * until the next run (PostgreSQL keeps updating it on every write, and a unique one refuses duplicates). Says
     * what became of it, in a sentence for the failure's message, or null when there was nothing to do. Never fails.
     */
    default String cleanUp(MigrationSpec migration, ScriptStep step) {
        return null;
    }
}
