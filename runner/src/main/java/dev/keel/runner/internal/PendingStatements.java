package dev.keel.runner.internal;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
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
        BaseConnection pg = connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
        if (pg == null || texts.size() == 1) {
            oneByOne(texts);
            return;
        }
        QueryExecutor executor = pg.getQueryExecutor();
        CachedQuery parsed = executor.createQuery(String.join(";", texts), false, false);
        Query query = parsed.query;
        Query[] parts = query.getSubqueries();
        if (parts == null || parts.length != texts.size()) {
            oneByOne(texts); // a text the driver splits otherwise than keel does: each on its own, in order
            return;
        }
        var counter = new Counter();
        int flags = QueryExecutor.QUERY_NO_RESULTS | QueryExecutor.QUERY_ONESHOT
                | (connection.getAutoCommit() ? QueryExecutor.QUERY_SUPPRESS_BEGIN : 0);
        try {
            executor.execute(query, query.createParameterList(), counter, 0, 0, flags);
        } catch (SQLException e) {
            if (counter.failure == null) {
                throw new Sent(-1, counter.completed, e);
            }
            // PostgreSQL ran the statements in order and skipped those after the one that failed
            throw new Sent(Math.min(counter.completed, texts.size() - 1), counter.completed, counter.failure);
        }
    }

    /** Each statement on its own, in order (a connection that is not the driver's own, or a single statement). */
    private void oneByOne(List<String> texts) throws Sent {
        for (int i = 0; i < texts.size(); i++) {
            try (var st = connection.createStatement()) {
                st.execute(texts.get(i));
            } catch (SQLException e) {
                throw new Sent(Failures.isConnectionLost(e) ? -1 : i, i, e);
            }
        }
    }

    /** Counts the statements that completed, and keeps the first failure. */
    private static final class Counter extends ResultHandlerBase {
        int completed;
        SQLException failure;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            completed++;
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            completed++;
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
