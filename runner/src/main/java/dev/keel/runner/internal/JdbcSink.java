package dev.keel.runner.internal;

import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.internal.data.RunContext;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs steps on a connection; {@code RunJava} steps through {@link JavaCode} with a {@link MigrationContext}.
 *
 * <p>With deferred flushing ({@link #deferFlushes()}), a commit does not wait for PostgreSQL to write its
 * log to disk ({@code synchronous_commit = off} for the session): a run of many small migrations would
 * otherwise spend most of its time waiting for the disk. {@link #flush()} then waits once for everything
 * committed so far, which the runner calls when it is done, whether the run succeeded or not. A crash of
 * the server before that can lose the latest migrations only whole, each with its record in
 * {@code keel_migrations}, as if the run had stopped earlier.
 */
public final class JdbcSink implements SqlSink {
    /**
     * Words of a statement that may change the session's timeouts ({@code SET ... timeout}, {@code RESET},
     * {@code set_config}, {@code DISCARD}, {@code SET SESSION ...}); after one, the timeouts are sent again.
     */
    private static final java.util.regex.Pattern MAY_CHANGE_TIMEOUTS =
            java.util.regex.Pattern.compile("(?i)timeout|reset|discard|set_config|session");

    private final Connection connection;
    private final JavaCode code;
    private final MigrateListener listener;
    /** The timeouts last set on the session, or null when unknown (none set yet, or something may have changed them). */
    private String timeoutsSet;

    /** Runs on {@code connection}; {@code RunJava} steps through {@code code}, whose output goes nowhere. */
    public JdbcSink(Connection connection, JavaCode code) {
        this(connection, code, MigrateListener.silent());
    }

    /** Runs on {@code connection}; {@code RunJava} steps through {@code code}, their output and progress to {@code listener}. */
    public JdbcSink(Connection connection, JavaCode code, MigrateListener listener) {
        this.connection = connection;
        this.code = code;
        this.listener = listener;
    }

    /** From now on, commits do not wait for the disk, until {@link #flush()}. */
    public void deferFlushes() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SET synchronous_commit = off");
        }
    }

    /**
     * Sets the session's timeouts, in one round trip for both; nothing when they are already what was set
     * last and no statement since may have changed them (a run of many small migrations would otherwise
     * spend a round trip per migration on them).
     */
    @Override
    public void timeouts(Duration lockTimeout, Duration statementTimeout) throws SQLException {
        String sql = "SET lock_timeout = '" + lockTimeout.toMillis() + "ms'; SET statement_timeout = '"
                + (statementTimeout == null ? 0 : statementTimeout.toMillis()) + "ms'";
        if (sql.equals(timeoutsSet)) {
            return;
        }
        timeoutsSet = null;
        try (var st = connection.createStatement()) {
            st.execute(sql);
        }
        timeoutsSet = sql;
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    /**
     * Makes commits wait for the disk again, and waits until everything committed on the connection so far
     * is on disk (and on synchronous standbys): commits, waiting, a transaction that writes a log message,
     * which PostgreSQL flushes with every record before it. Does nothing when the connection is gone.
     */
    public void flush() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (var st = connection.createStatement()) {
                st.execute("SET synchronous_commit = DEFAULT");
                connection.setAutoCommit(false);
                st.execute("SET LOCAL synchronous_commit = on");
                // a transactional message: a commit flushes only when its transaction wrote to the log
                st.execute("SELECT pg_logical_emit_message(true, 'keel', 'flush')");
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is gone; the failure that led here, if any, is the one to report
        }
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection may be gone; the failure that led here is the one to report
        }
    }

    @Override
    public void run(MigrationSpec migration, ScriptStep step, int index, int count) throws Exception {
        if (step.step() instanceof Step.Java || MAY_CHANGE_TIMEOUTS.matcher(((Step.Sql) step.step()).text()).find()) {
            timeoutsSet = null; // Java code and such statements may change the session's settings
        }
        if (step.step() instanceof Step.Java java) {
            code.run(migration, java.method(), new RunContext(migration.key(), java.method(), connection, step.state(), listener));
            return;
        }
        if (step.cleanup() != null) {
            executeNamed(migration, step.cleanup());
        }
        execute(migration, new ReRunnable.Guarded(((Step.Sql) step.step()).text(), step.guard()));
    }

    private void execute(MigrationSpec migration, ReRunnable.Guarded statement) throws SQLException {
        if (statement.guard() != null && !statement.guard().runs(finds(statement.guard().query()))) {
            return;
        }
        listener.statement(migration.key(), statement.sql());
        try (var st = connection.createStatement()) {
            st.execute(statement.sql());
        }
    }

    /** {@link #execute}, a failure naming {@code statement}: the step's message then shows what really failed. */
    private void executeNamed(MigrationSpec migration, ReRunnable.Guarded statement) throws SQLException {
        try {
            execute(migration, statement);
        } catch (SQLException e) {
            throw new FailedStatement(statement.sql(), e);
        }
    }

    /**
     * A failure of a statement a step runs besides its own (the cleanup before a concurrent build): the
     * same message and SQLSTATE, so that a lock timeout is still retried, and the statement that failed.
     */
    static final class FailedStatement extends SQLException {
        private final String statement;

        FailedStatement(String statement, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.statement = statement;
        }

        String statement() {
            return statement;
        }
    }

    private boolean finds(String query) throws SQLException {
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery(query)) {
            return r.next();
        }
    }
}
