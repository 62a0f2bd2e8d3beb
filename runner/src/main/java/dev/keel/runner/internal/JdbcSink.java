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
import java.util.List;

/**
 * Runs steps on a connection; {@code RunJava} steps through {@link JavaCode} with a {@link MigrationContext}.
 *
 * <p>With deferred flushing ({@link #deferFlushes()}), a commit does not wait for PostgreSQL to write its
 * log to disk ({@code synchronous_commit = off} for the session): a run of many small migrations would
 * otherwise spend most of its time waiting for the disk. {@link #flush()} then waits once for everything
 * committed so far, which the runner calls when it is done, whether the run succeeded or not: at least as
 * long as a commit at {@code on} waits (the disk, and synchronous standbys' disks), and as long as one at
 * {@code remote_apply} when that was the session's setting (standbys that show the changes). A crash of
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
    /** Statements run in the open transaction and not sent yet ({@link #holds}). */
    private final PendingStatements pending;
    private final JavaCode code;
    private final MigrateListener listener;
    /** The timeouts last set on the session, or null when unknown (none set yet, or something may have changed them). */
    private String timeoutsSet;
    /** {@link SessionWatch}'s settings, sent again with the timeouts (a RESET ALL in a migration undoes them). */
    private String watchSql = "";
    /** The session's {@code synchronous_commit} before {@link #deferFlushes} set it off; null before. */
    private String committedAs;

    /** Runs on {@code connection}; {@code RunJava} steps through {@code code}, whose output goes nowhere. */
    public JdbcSink(Connection connection, JavaCode code) {
        this(connection, code, MigrateListener.silent());
    }

    /** Runs on {@code connection}; {@code RunJava} steps through {@code code}, their output and progress to {@code listener}. */
    public JdbcSink(Connection connection, JavaCode code, MigrateListener listener) {
        this(connection, new PendingStatements(connection), code, listener);
    }

    /**
     * Runs on {@code connection}, holding statements in {@code pending} (which the {@link JdbcSchemaHistory} of the
     * connection shares, to send them with the migration's record and commit).
     */
    public JdbcSink(Connection connection, PendingStatements pending, JavaCode code, MigrateListener listener) {
        this.connection = connection;
        this.pending = pending;
        this.code = code;
        this.listener = listener;
    }

    /**
     * Takes the session over as {@code before}, another sink on this connection, left it (the one that set it up to
     * send a migration ahead of the plan): whether commits wait for the disk, as what, and the timeouts it set.
     */
    public void continueFrom(JdbcSink before) {
        committedAs = before.committedAs;
        timeoutsSet = before.timeoutsSet;
    }

    /** Whether commits on the session do not wait for the disk: {@link #deferFlushes} ran (here, or before {@link #continueFrom}). */
    public boolean flushesDeferred() {
        return committedAs != null;
    }

    /** From now on, commits do not wait for the disk, until {@link #flush()}. */
    public void deferFlushes() throws SQLException {
        deferFlushesAnd(List.of(), null);
    }

    /**
     * {@link #deferFlushes}, reading the session's {@code settings} in the same round trip: their values, in order (null
     * for a setting this server does not know).
     */
    List<String> deferFlushes(List<String> settings) throws SQLException {
        return deferFlushes(settings, null, null);
    }

    /**
     * {@link #deferFlushes(List)}, and with a {@code lockTimeout} the {@link #timeouts} too, in the same round trip. The
     * statements of one round trip make one transaction: when one of them fails, none took effect, and
     * {@link #deferFlushes(List)} runs alone (the timeouts are then set as before, where a failure is reported as the
     * migration's).
     */
    public List<String> deferFlushes(List<String> settings, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        if (lockTimeout == null) {
            return deferFlushesAnd(settings, null);
        }
        try {
            return deferFlushesAnd(settings, timeoutsSql(lockTimeout, statementTimeout));
        } catch (SQLException e) {
            if (Failures.isConnectionLost(e)) {
                throw e;
            }
            return deferFlushesAnd(settings, null);
        }
    }

    private List<String> deferFlushesAnd(List<String> settings, String timeouts) throws SQLException {
        // the setting as it was, then off (a select list is evaluated in order)
        var sql = new StringBuilder("SELECT current_setting('synchronous_commit'), set_config('synchronous_commit', 'off', false)");
        for (String s : settings) {
            sql.append(", current_setting('").append(s.replace("'", "''")).append("', true)");
        }
        if (timeouts != null) {
            pending.send();
            timeoutsSet = null;
            sql.append("; ").append(timeouts);
        }
        var values = new java.util.ArrayList<String>();
        try (var st = connection.createStatement()) {
            st.execute(sql.toString());
            try (var r = st.getResultSet()) {
                r.next();
                if (committedAs == null) {
                    committedAs = r.getString(1); // once deferred, the setting read is keel's own off
                }
                for (int i = 0; i < settings.size(); i++) {
                    values.add(r.getString(i + 3));
                }
            }
        }
        if (timeouts != null) {
            timeoutsSet = timeouts;
        }
        return values;
    }

    /**
     * Sends {@code settings} ({@code name=value}, what {@link SessionWatch#apply} set) again whenever the
     * timeouts are sent again, in the same round trip.
     */
    public void keepWatching(List<String> settings) {
        var sql = new StringBuilder();
        for (String s : settings) {
            int eq = s.indexOf('=');
            sql.append("; SET ").append(s, 0, eq).append(" = '").append(s.substring(eq + 1)).append('\'');
        }
        watchSql = sql.toString();
    }

    /**
     * Sets the session's timeouts, in one round trip for both; nothing when they are already what was set
     * last and no statement since may have changed them (a run of many small migrations would otherwise
     * spend a round trip per migration on them).
     */
    @Override
    public void timeouts(Duration lockTimeout, Duration statementTimeout) throws SQLException {
        String sql = timeoutsSql(lockTimeout, statementTimeout);
        if (sql.equals(timeoutsSet)) {
            return;
        }
        pending.send();
        timeoutsSet = null;
        try (var st = connection.createStatement()) {
            st.execute(sql);
        }
        timeoutsSet = sql;
    }

    /** What {@link #timeouts} sends. */
    private String timeoutsSql(Duration lockTimeout, Duration statementTimeout) {
        return "SET lock_timeout = '" + lockTimeout.toMillis() + "ms'; SET statement_timeout = '"
                + (statementTimeout == null ? 0 : statementTimeout.toMillis()) + "ms'" + watchSql;
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    /**
     * Makes commits wait for the disk again, and waits until everything committed on the connection so far
     * is on disk (and on synchronous standbys): commits, waiting ({@link #flushLevel}), a transaction that writes a
     * log message, which PostgreSQL flushes with every record before it; all of it in one round trip. Does nothing
     * when the connection is gone.
     *
     * @return the {@code synchronous_commit} that commit waited by, as the server had it; null when it failed
     */
    public String flush() {
        pending.clear(); // a run that ends with statements unsent ended by a failure: they are rolled back
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (var st = connection.createStatement()) {
                // a transactional message: a commit flushes only when its transaction wrote to the log
                st.execute(flushSql(flushLevel(committedAs)));
                return level(st);
            } catch (SQLException e) {
                if (Failures.isConnectionLost(e)) {
                    throw e;
                }
                try (var st = connection.createStatement()) {
                    st.execute("ROLLBACK"); // what the failure left open, the setting's change with it
                    st.execute("SET synchronous_commit = DEFAULT");
                }
            }
        } catch (SQLException e) {
            // the connection is gone; the failure that led here, if any, is the one to report
        }
        return null;
    }

    /** The setting the flush's transaction reported: the first result set of {@code st}'s statements. */
    private static String level(java.sql.Statement st) throws SQLException {
        do {
            try (var r = st.getResultSet()) {
                if (r != null && r.next()) {
                    return r.getString(2);
                }
            }
        } while (st.getMoreResults() || st.getUpdateCount() != -1);
        return null;
    }

    /**
     * The {@code synchronous_commit} at which {@link #flush} commits, for a session whose own setting was {@code original}
     * (null when unknown): {@code remote_apply} when it was that (what standbys show then counts), else {@code on}, which
     * waits for the local disk and synchronous standbys' disks whatever the session had ({@code off}, {@code local},
     * {@code remote_write} wait for less).
     */
    static String flushLevel(String original) {
        return "remote_apply".equals(original) ? "remote_apply" : "on";
    }

    /**
     * What {@link #flush} sends, one message sequence: in autocommit, the statements before {@code BEGIN} belong to the
     * transaction it opens, so the session's setting and the flushing commit go together. The transaction reports the
     * setting its commit waits by.
     */
    private static String flushSql(String level) {
        return "SET synchronous_commit = DEFAULT; BEGIN; SET LOCAL synchronous_commit = " + level + ";"
                + " SELECT pg_catalog.pg_logical_emit_message(true, 'keel', 'flush'), current_setting('synchronous_commit'); COMMIT";
    }

    @Override
    public void commit() throws SQLException {
        if (!pending.isEmpty()) {
            pending.send(List.of("COMMIT")); // one round trip; the driver's commit then has nothing left to do
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollback() {
        timeoutsSet = null; // a rollback undoes what SET did in the transaction
        pending.clear();
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection may be gone; the failure that led here is the one to report
        }
    }

    @Override
    public void run(MigrationSpec migration, ScriptStep step, int index, int count) throws Exception {
        if (holds(step)) {
            for (Lock lock : step.locks()) {
                listener.statement(migration.key(), lock.sql());
                pending.add(index, lock.sql(), true);
            }
            String sql = ((Step.Sql) step.step()).text();
            listener.statement(migration.key(), sql);
            pending.add(index, sql, false);
            return;
        }
        pending.send();
        if (step.step() instanceof Step.Backfill copy) {
            dev.keel.runner.internal.data.ColumnCopy.run(migration.key(), connection, step.state(), listener, copy);
            return;
        }
        if (step.step() instanceof Step.Java || MAY_CHANGE_TIMEOUTS.matcher(((Step.Sql) step.step()).text()).find()) {
            timeoutsSet = null; // Java code and such statements may change the session's settings
        }
        if (step.step() instanceof Step.Java java) {
            runJava(migration, java.method(), step);
            return;
        }
        if (!connection.getAutoCommit()) {
            String control = TransactionControl.find(((Step.Sql) step.step()).text());
            if (control != null) {
                throw new TransactionMisuse(TransactionMisuse.Outcome.REFUSED, List.of("runs the statement " + control),
                        null);
            }
        }
        for (Lock lock : step.locks()) {
            executeNamed(migration, new ReRunnable.Guarded(lock.sql(), null));
        }
        if (step.cleanup() != null) {
            executeNamed(migration, step.cleanup());
        }
        execute(migration, new ReRunnable.Guarded(((Step.Sql) step.step()).text(), step.guard()));
    }

    /**
     * Whether {@code step} is held in {@link #pending} rather than sent now: one of keel's own statements that it
     * can read ({@link ScriptStep#takes}: DDL of one statement, which returns no rows), in a transaction, without a
     * guard to check or a cleanup before it, and that does not touch the session's settings.
     */
    private boolean holds(ScriptStep step) throws SQLException {
        return !connection.getAutoCommit() && needsNoAnswer(step);
    }

    /**
     * Whether {@code step} needs no answer from the server before what follows it is sent: one of keel's own
     * statements that it can read ({@link ScriptStep#takes}: DDL of one statement, which returns no rows), without a
     * guard to check or a cleanup before it, that neither ends the transaction nor touches the session's settings.
     */
    static boolean needsNoAnswer(ScriptStep step) {
        return step.step() instanceof Step.Sql sql && step.takes() != null && step.guard() == null && step.cleanup() == null
                && TransactionControl.find(sql.text()) == null && !MAY_CHANGE_TIMEOUTS.matcher(sql.text()).find();
    }

    /** The savepoint keel sets before a method's code runs in keel's transaction. */
    static final String SAVEPOINT = "keel_before_code";

    /**
     * Calls a {@code RunJava} method with keel's connection guarded ({@link GuardedConnection}). Inside keel's
     * transaction (an atomic migration) keel then checks that the transaction is still the one it opened
     * (the same transaction id, and the savepoint set before the code still there); in autocommit (a
     * non-atomic migration) that the code left no transaction open.
     *
     * @throws TransactionMisuse when the code tried to end keel's transaction, ended it, closed the connection
     *                           or left a transaction open
     */
    private void runJava(MigrationSpec migration, String method, ScriptStep step) throws Exception {
        boolean inTransaction = !connection.getAutoCommit();
        var guard = new GuardedConnection(connection, inTransaction, "migration " + migration.key() + " (" + method + ")",
                migration.key() + " is atomic: keel runs it in one transaction and commits that, with the migration's"
                        + " record in keel_migrations, when all its steps are done");
        long xid = 0;
        if (inTransaction) {
            try (var st = connection.createStatement()) {
                st.execute("SAVEPOINT " + SAVEPOINT);
                xid = transactionId(st);
            }
        }
        Exception failure = null;
        try {
            code.run(migration, method, new RunContext(migration.key(), method, connection, guard.connection(),
                    step.state(), listener));
        } catch (Exception e) {
            failure = e;
        }
        Exception codeFailure = guard.isRefusal(failure) ? null : failure;
        if (inTransaction) {
            Boolean intact = intact(xid, failure != null);
            if (Boolean.FALSE.equals(intact)) {
                throw new TransactionMisuse(TransactionMisuse.Outcome.ENDED, guard.refused(), codeFailure);
            }
            if (!guard.refused().isEmpty()) {
                throw new TransactionMisuse(TransactionMisuse.Outcome.REFUSED, guard.refused(), codeFailure);
            }
        } else {
            if (!connection.getAutoCommit()) {
                rollback(); // what the code left uncommitted; autocommit back on
                if (failure == null) {
                    throw new TransactionMisuse(TransactionMisuse.Outcome.LEFT_OPEN, List.of(), null);
                }
            }
            if (!guard.refused().isEmpty()) {
                throw new TransactionMisuse(TransactionMisuse.Outcome.REFUSED, guard.refused(), codeFailure);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Whether the transaction is still keel's, the one whose id is {@code xid}; after a failure of the code,
     * rolled back to the savepoint set before it (so that the check can run). Null when keel cannot tell
     * (the connection is lost: the server ends the transaction with the session).
     *
     * @throws SQLException when the code caught an error of its statement and went on: keel's transaction
     *                      cannot go on, and this says why
     */
    private Boolean intact(long xid, boolean failed) throws SQLException {
        if (connection.getAutoCommit()) {
            return false;
        }
        try (var st = connection.createStatement()) {
            if (failed) {
                st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            }
            try {
                return transactionId(st) == xid;
            } catch (SQLException aborted) {
                if (failed || !"25P02".equals(aborted.getSQLState())) {
                    throw aborted;
                }
                // the code caught the error of one of its statements and returned: find out whose transaction it is
                st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                if (transactionId(st) != xid) {
                    return false;
                }
                throw new SQLException("a statement of the code failed and the code caught the error and returned, but"
                        + " the failure aborted the migration's transaction (" + aborted.getMessage() + "). To go on after a"
                        + " statement that may fail, run it under a savepoint: var sp = c.setSavepoint(); ... on failure"
                        + " c.rollback(sp)", aborted.getSQLState(), aborted);
            }
        } catch (SQLException e) {
            if (Failures.isConnectionLost(e)) {
                return null;
            }
            if ("25P02".equals(e.getSQLState()) && !failed) {
                throw e;
            }
            return false; // no savepoint: the transaction it was set in is gone
        }
    }

    private static long transactionId(java.sql.Statement st) throws SQLException {
        try (ResultSet r = st.executeQuery("SELECT txid_current()")) {
            r.next();
            return r.getLong(1);
        }
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

    @Override
    public String cleanUp(MigrationSpec migration, ScriptStep step) {
        ReRunnable.Guarded cleanup = step.cleanup();
        try {
            if (!connection.getAutoCommit()
                    || cleanup.guard() != null && !cleanup.guard().runs(finds(cleanup.guard().query()))) {
                return null;
            }
            execute(migration, new ReRunnable.Guarded(cleanup.sql(), null));
            return "The failed build left an invalid index; keel dropped it (" + cleanup.sql() + ").";
        } catch (SQLException e) {
            return "The failed build left an invalid index, which keel could not drop (" + cleanup.sql() + ": "
                    + e.getMessage() + "): PostgreSQL updates it on every write (a unique one refuses duplicates) until"
                    + " keel migrate drops it before building it again.";
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
     * A failure of a statement a step runs besides its own (a {@code LOCK TABLE} before it, the cleanup before
     * a concurrent build): the
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
