package dev.keel.runner.internal;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.SqlCommandType;
import org.postgresql.jdbc.PreferQueryMode;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Migrations sent together ({@link Executor#send}) as one simple-protocol {@code Query} message: their statements
 * joined by a semicolon on a line of its own, instead of a {@code Parse}, {@code Bind}, {@code Describe} and
 * {@code Execute} per statement. PostgreSQL runs the statements of a {@code Query} in order, commits each migration at
 * its {@code COMMIT}, and stops at the first that fails (the rest is skipped); it reports each statement that
 * completed ({@code CommandComplete}, counted as for the extended protocol), so a failure is still named by the
 * statements completed before it. Without the driver's own {@code Sync} every 256 statements, a send may hold more
 * ({@link Executor#MOST_TOGETHER_ONE_QUERY}).
 *
 * <p>Only where it changes nothing else:
 * <ul>
 * <li>PostgreSQL 13 or later ({@link #timesEachStatement}): before, the statement timeout of a {@code Query} of
 *     several statements ran from its start to the next transaction command, not per statement.</li>
 * <li>Each text {@link Separable#alone}, so that the joined text splits where keel's statements end.</li>
 * <li>PostgreSQL parses the whole text before it runs any of it: a syntax error anywhere means nothing ran. The send
 *     then says so ({@link #send} returns null) and the caller sends the statements as before, which stops at the
 *     statement that fails with the failure it had.</li>
 * <li>An error's position counts from the start of the whole text: it is given back relative to its statement
 *     ({@link #located}), as when the statement is sent alone.</li>
 * </ul>
 */
final class OneQuery {
    /** {@code server_version_num} of PostgreSQL 13, the first to time each statement of a {@code Query} on its own. */
    static final int FIRST_SERVER = 130000;
    /** What joins two statements: a line end first, so that a line comment at the end of a text ends before it. */
    static final String SEPARATOR = "\n;\n";

    private final String text;
    /** The code point (PostgreSQL counts characters) at which each statement starts in {@link #text}, and its length. */
    private final int[] starts;
    private final int[] lengths;

    private OneQuery(String text, int[] starts, int[] lengths) {
        this.text = text;
        this.starts = starts;
        this.lengths = lengths;
    }

    /** Whether a server of {@code serverVersionNum} applies the statement timeout to each statement of a {@code Query}. */
    static boolean timesEachStatement(int serverVersionNum) {
        return serverVersionNum >= FIRST_SERVER;
    }

    /** Whether {@code connection} is the driver's own, to a server that {@link #timesEachStatement}. */
    static boolean possible(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(BaseConnection.class)) {
            return false;
        }
        return timesEachStatement(connection.unwrap(BaseConnection.class).getQueryExecutor().getServerVersionNum());
    }

    /** {@code texts} joined into one text; null when one of them is not {@link Separable#alone}. */
    static OneQuery of(List<String> texts) {
        var joined = new StringBuilder();
        int[] starts = new int[texts.size()];
        int[] lengths = new int[texts.size()];
        int at = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (!Separable.alone(t)) {
                return null;
            }
            if (i > 0) {
                joined.append(SEPARATOR);
                at += SEPARATOR.length();
            }
            starts[i] = at;
            lengths[i] = t.codePointCount(0, t.length());
            at += lengths[i];
            joined.append(t);
        }
        return new OneQuery(joined.toString(), starts, lengths);
    }

    /** The joined text. */
    String text() {
        return text;
    }

    /** The statement (from 0) that holds {@code position} (PostgreSQL's, from 1, in characters of the whole text); -1 when none. */
    int statementAt(int position) {
        for (int i = 0; i < starts.length; i++) {
            if (position > starts[i] && position <= starts[i] + lengths[i] + 1) {
                return i; // one past the end: "at end of input" of that statement
            }
        }
        return -1;
    }

    /**
     * Sends the statements as one {@code Query} on {@code connection} (the driver's own) and reads every row they
     * return: the {@link PendingStatements.Answer}, its failure with its position relative to its statement; null when
     * the server refused the whole text before running any of it (nothing ran, and the session is as before but for a
     * failed transaction to end).
     */
    PendingStatements.Answer send(Connection connection) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        Query query = pg.getQueryExecutor().wrap(List.of(new NativeQuery(text, NO_BINDS, true, STATEMENT)));
        PendingStatements.Answer answer = executeAsSimple(connection, pg, query);
        if (answer.failure() == null || answer.lost()) {
            return answer;
        }
        if (refusedWhole(answer)) {
            return null;
        }
        return new PendingStatements.Answer(answer.completed(), located(answer.failure()), false, answer.values());
    }

    /**
     * Executes {@code query} as a simple-protocol {@code Query}. The driver's default query mode ({@code extended})
     * takes the request for the simple protocol off every execution; for this one the mode is the one that leaves an
     * execution's protocol to the caller ({@code extendedForPrepared}), and is set back after it whatever happens. The
     * connection is keel's own, used by one thread at a time, so nothing else runs in between.
     */
    private PendingStatements.Answer executeAsSimple(Connection connection, BaseConnection pg, Query query) throws SQLException {
        QueryExecutor executor = pg.getQueryExecutor();
        PreferQueryMode mode = executor.getPreferQueryMode();
        executor.setPreferQueryMode(mode == PreferQueryMode.EXTENDED ? PreferQueryMode.EXTENDED_FOR_PREPARED : mode);
        try {
            return PendingStatements.execute(connection, pg, query, starts.length, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
        } finally {
            executor.setPreferQueryMode(mode);
        }
    }

    /**
     * Whether a failure came before anything ran: none of the statements completed, and the first (a {@code BEGIN} in
     * a session out of any transaction, which fails only when interrupted) was not cancelled ({@code 57014}, a
     * cancel or the statement timeout, which the extended protocol reports as the first statement's failure too).
     */
    private static boolean refusedWhole(PendingStatements.Answer answer) {
        return answer.completed() == 0 && !"57014".equals(answer.failure().getSQLState());
    }

    /** {@code failure} with its position counted from the start of its statement, as when that statement is sent alone. */
    SQLException located(SQLException failure) {
        if (!(failure instanceof PSQLException p) || p.getServerErrorMessage() == null) {
            return failure;
        }
        ServerErrorMessage m = p.getServerErrorMessage();
        int statement = statementAt(m.getPosition());
        if (m.getPosition() <= 0 || statement < 0) {
            return failure;
        }
        var fields = new StringBuilder();
        field(fields, 'S', m.getSeverity());
        field(fields, 'C', m.getSQLState());
        field(fields, 'M', m.getMessage());
        field(fields, 'D', m.getDetail());
        field(fields, 'H', m.getHint());
        field(fields, 'P', Integer.toString(m.getPosition() - starts[statement]));
        field(fields, 'p', m.getInternalPosition() > 0 ? Integer.toString(m.getInternalPosition()) : null);
        field(fields, 'q', m.getInternalQuery());
        field(fields, 'W', m.getWhere());
        field(fields, 's', m.getSchema());
        field(fields, 't', m.getTable());
        field(fields, 'c', m.getColumn());
        field(fields, 'd', m.getDatatype());
        field(fields, 'n', m.getConstraint());
        field(fields, 'F', m.getFile());
        field(fields, 'L', m.getLine() > 0 ? Integer.toString(m.getLine()) : null);
        field(fields, 'R', m.getRoutine());
        ServerErrorMessage relative = new ServerErrorMessage(fields.toString());
        // the driver writes the detail into the message unless told not to (logServerErrorDetail): as it did
        var located = new PSQLException(relative, p.getMessage().equals(m.toString()));
        located.setStackTrace(p.getStackTrace());
        return located;
    }

    /** One field of an error as the server sends it: its code, its text and a zero. */
    private static void field(StringBuilder fields, char code, String value) {
        if (value != null) {
            fields.append(code).append(value).append('\0');
        }
    }

    /** What the driver's parser makes of a statement that is none of those it tells apart. */
    private static final SqlCommand STATEMENT = SqlCommand.createStatementTypeInfo(SqlCommandType.BLANK);
    private static final int[] NO_BINDS = new int[0];
}
