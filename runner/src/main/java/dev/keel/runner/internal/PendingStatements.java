package dev.keel.runner.internal;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.SqlCommandType;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the open transaction that keel has run but not sent yet: sent together, in one round trip,
 * with whatever next needs an answer from the server, at the latest with the migration's record and the
 * {@code COMMIT} ({@link JdbcSchemaHistory#appliedCommitting}). A run of many small migrations would otherwise
 * spend a round trip per statement, each a wake-up of the server and of keel. One per connection, shared by the
 * {@link JdbcSink} that adds statements and the {@link JdbcSchemaHistory} that records them, so that nothing
 * reaches the connection before what was run earlier.
 *
 * <p>Only statements that need no answer are held ({@link JdbcSink} decides which): keel's own DDL, each one
 * statement, in a transaction. The statements are sent as one message sequence ({@code Parse/Bind/Execute} each,
 * one {@code Sync}); PostgreSQL runs them in order and skips the rest after one fails, and keel counts the
 * statements that completed before the failure, so the failure names the step and the statement that failed,
 * with PostgreSQL's message and position (relative to that statement, as when it is sent alone): a
 * {@link StepFailure}.
 */
public final class PendingStatements {
    /** A held statement: of step {@code step} (from 0), the step's own statement or one keel runs before it. */
    private record Held(int step, String sql, boolean besides) {}

    private final Connection connection;
    private final List<Held> held = new ArrayList<>();

    /** The pending statements of {@code connection}. */
    public PendingStatements(Connection connection) {
        this.connection = connection;
    }

    /** Holds {@code sql}, a statement of step {@code step}, its own ({@code besides} false) or one run before it. */
    void add(int step, String sql, boolean besides) {
        held.add(new Held(step, sql, besides));
    }

    /** Whether nothing is held. */
    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Forgets what is held (the transaction is rolled back). */
    void clear() {
        held.clear();
    }

    /**
     * Sends what is held, in one round trip; nothing when nothing is.
     *
     * @throws StepFailure when a held statement fails
     */
    void send() throws SQLException {
        if (!held.isEmpty()) {
            send(List.of());
        }
    }

    /**
     * Sends what is held and then {@code after} (statements of keel's own, such as a record and the
     * {@code COMMIT}), in one round trip.
     *
     * @throws StepFailure when a held statement fails; the failure of one of {@code after} as it is
     */
    void send(List<String> after) throws SQLException {
        var texts = new ArrayList<String>(held.size() + after.size());
        held.forEach(h -> texts.add(h.sql()));
        texts.addAll(after);
        List<Held> sent = List.copyOf(held);
        held.clear();
        try {
            sendAll(texts);
        } catch (Sent failed) {
            int at = failed.index;
            SQLException e = failed.failure;
            if (at < 0 || Failures.isConnectionLost(e)) {
                // the connection is gone: with a COMMIT among what was sent, keel cannot tell how far the server got,
                // and says so as for a commit; else the transaction is lost whole, at the first statement not done
                if (after.contains("COMMIT") || sent.isEmpty()) {
                    throw e;
                }
                at = Math.min(failed.completed, sent.size() - 1);
            }
            if (at < sent.size()) {
                Held h = sent.get(at);
                throw new StepFailure(h.step(), h.besides() ? new JdbcSink.FailedStatement(h.sql(), e) : e);
            }
            throw e;
        }
    }

    /**
     * A failure of the statement {@code index} of a sequence sent together, or with {@code index} -1 of the
     * connection (no answer from the server) after {@code completed} statements completed.
     */
    private static final class Sent extends Exception {
        final int index;
        final int completed;
        final SQLException failure;

        Sent(int index, int completed, SQLException failure) {
            super(failure.getMessage(), failure, false, false);
            this.index = index;
            this.completed = completed;
            this.failure = failure;
        }
    }

    private void sendAll(List<String> texts) throws SQLException, Sent {
        Answer answer = sendTogether(connection, texts, false);
        if (answer.failure() != null) {
            throw new Sent(answer.lost() ? -1 : answer.completed(), answer.completed(), answer.failure());
        }
    }

    /**
     * What came back from statements sent together: how many completed (in order), the first failure (null when
     * none; the statement that failed is the one after those that completed, unless {@code lost}), whether the
     * connection was lost (no answer from the server past {@code completed}), and the first column of each row the
     * statements returned, as text, in order.
     */
    record Answer(int completed, SQLException failure, boolean lost, List<String> values) {}

    /**
     * Sends {@code texts} (keel's own statements, each one statement) in one round trip when the connection is the
     * driver's own: one message sequence, {@code Parse/Bind/Execute} each and one {@code Sync}; PostgreSQL runs
     * them in order and skips the rest after one fails. With {@code rows}, the rows the statements return are read (else
     * none is expected). Never throws for a failure of the statements or of the
     * connection: the {@link Answer} says what happened.
     */
    static Answer sendTogether(Connection connection, List<String> texts, boolean rows) throws SQLException {
        BaseConnection pg = connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
        Query query = pg != null && texts.size() > 1 ? sequence(pg, texts) : null;
        if (query == null) {
            return oneByOne(connection, texts); // a text the driver splits otherwise than keel does: each on its own
        }
        var counter = new Counter();
        int flags = QueryExecutor.QUERY_ONESHOT | (rows ? 0 : QueryExecutor.QUERY_NO_RESULTS) | (connection.getAutoCommit() ? QueryExecutor.QUERY_SUPPRESS_BEGIN : 0);
        try {
            pg.getQueryExecutor().execute(query, query.createParameterList(), counter, 0, 0, flags);
        } catch (SQLException e) {
            if (counter.failure == null) {
                return new Answer(counter.completed, e, true, counter.values);
            }
            // PostgreSQL ran the statements in order and skipped those after the one that failed
            return new Answer(Math.min(counter.completed, texts.size() - 1), counter.failure,
                    Failures.isConnectionLost(counter.failure), counter.values);
        }
        return new Answer(counter.completed, null, false, counter.values);
    }

    /**
     * {@code texts} as one message sequence of {@code pg}'s driver, a statement each: without the driver's parse of their
     * text when no text holds a semicolon (each is then one statement, which the driver would send as it is: keel's own
     * statements, never parameterised), else split by the driver's parser; null when the driver splits them otherwise
     * than keel (a text of several statements, or of none).
     */
    static Query sequence(BaseConnection pg, List<String> texts) throws SQLException {
        var statements = new ArrayList<NativeQuery>(texts.size());
        for (String text : texts) {
            if (text.indexOf(';') >= 0 || text.isBlank()) {
                statements = null;
                break;
            }
            statements.add(new NativeQuery(text, NO_BINDS, false, STATEMENT)); // one statement, no parameter
        }
        if (statements != null) {
            return pg.getQueryExecutor().wrap(statements);
        }
        Query parsed = pg.getQueryExecutor().createQuery(String.join(";", texts), false, false).query;
        Query[] parts = parsed.getSubqueries();
        return parts != null && parts.length == texts.size() ? parsed : null;
    }

    /** What the driver's parser makes of a statement that is none of those it tells apart (not an INSERT, a SELECT ...). */
    private static final SqlCommand STATEMENT = SqlCommand.createStatementTypeInfo(SqlCommandType.BLANK);
    private static final int[] NO_BINDS = new int[0];

    /** Each statement on its own, in order (a connection that is not the driver's own, or a single statement). */
    private static Answer oneByOne(Connection connection, List<String> texts) {
        var values = new ArrayList<String>();
        for (int i = 0; i < texts.size(); i++) {
            try (var st = connection.createStatement()) {
                if (st.execute(texts.get(i))) {
                    try (var r = st.getResultSet()) {
                        while (r.next()) {
                            values.add(r.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                return new Answer(i, e, Failures.isConnectionLost(e), values);
            }
        }
        return new Answer(texts.size(), null, false, values);
    }

    /** Counts the statements that completed, and keeps the first failure. */
    private static final class Counter extends ResultHandlerBase {
        int completed;
        SQLException failure;
        final List<String> values = new ArrayList<>();

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            for (Tuple t : tuples) {
                byte[] value = t.get(0);
                values.add(value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8));
            }
            count();
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            count();
        }

        /**
         * One more statement completed, unless one failed before it: the driver may end a long sequence with a
         * {@code Sync} of its own (every 256 statements or so), after which PostgreSQL runs statements again; in an
         * aborted transaction they fail, but a {@code COMMIT} completes (as a rollback) and would shift the count.
         */
        private void count() {
            if (failure == null) {
                completed++;
            }
        }

        @Override
        public void handleError(SQLException error) {
            if (failure == null) {
                failure = error;
            }
            super.handleError(error);
        }
    }

    /**
     * The failure of a statement keel held and sent later than its step ran: the step it belongs to and the failure
     * as it would have been had the statement been sent alone.
     */
    public static final class StepFailure extends SQLException {
        private final int step;

        StepFailure(int step, SQLException failure) {
            super(failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
            this.step = step;
        }

        /** The step, from 0. */
        public int step() {
            return step;
        }

        /** The failure of the statement. */
        public SQLException failure() {
            return (SQLException) getCause();
        }
    }
}
