package dev.keel.runner.internal;

import dev.keel.runner.sql.StatementLocks;
import dev.keel.runner.sql.TableLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first migration of a plan sent while keel still plans the others: its statements and its record run on the
 * server, in its transaction, while keel builds the states and scripts of the migrations after it (the work of a
 * large first migration, such as a project's initial one onto an empty database, then hides keel's planning). Its
 * {@code COMMIT} is sent only once the whole plan is decided, every refusal included: when planning refuses, the
 * transaction is rolled back and nothing is applied, as when nothing was sent.
 *
 * <p>Holding a transaction open while keel plans must block no one: the migration qualifies only when every
 * statement of it is one of keel's own that needs no answer ({@link Executor#together}), takes no lock on anything
 * that existed before it (it creates tables, and touches only the tables it created: {@link #holdable}), and, as
 * the session is set up, the server ends no session for idling in a transaction or for a transaction's length
 * ({@link #sessionAllows}). A small first migration gains nothing: the others are planned as before.
 */
public final class EarlyStart {
    /**
     * The fewest statements (with {@code BEGIN}, the record and {@code COMMIT}) of a first migration sent early: below
     * it, the server's work on it is too short to hide any planning, and sending it alone would cost a round trip.
     */
    public static final int MIN_STATEMENTS = 50;

    private final Thread thread;
    /** For a start {@link #ahead} of the plan: what it sends and under which timeouts; null for {@link #start}'s. */
    private final List<String> aheadTexts;
    private final Duration aheadLockTimeout;
    private final Duration aheadStatementTimeout;
    /** Once an ahead start is {@link #adopt}ed: the migration it sends, its checksum, and the executor that runs it. */
    private Script adopted;
    private String adoptedChecksum;
    private Executor adoptedBy;
    private Executor.Sent sent;
    private SQLException failure;
    private boolean declined;
    private boolean done;

    private EarlyStart(Runnable work) {
        this(work, null, null, null);
    }

    private EarlyStart(Runnable work, List<String> aheadTexts, Duration aheadLockTimeout, Duration aheadStatementTimeout) {
        thread = new Thread(work, "keel-first-migration");
        thread.setDaemon(true);
        this.aheadTexts = aheadTexts;
        this.aheadLockTimeout = aheadLockTimeout;
        this.aheadStatementTimeout = aheadStatementTimeout;
    }

    /**
     * Whether {@code script} may be sent before the rest of the plan is decided, its transaction held open until then:
     * an atomic migration applied forwards of at least {@link #MIN_STATEMENTS} statements, each of keel's own, none a
     * concurrent build or a validation, that creates tables and touches nothing else: every table lock it takes is on
     * a table one of its earlier statements created ({@code CREATE TABLE}, not {@code IF NOT EXISTS}), besides
     * {@code CREATE SCHEMA} and {@code CREATE SEQUENCE}. No other session can be waiting for what it locks.
     */
    public static boolean holdable(Executor executor, Script script) {
        if (!executor.together(script) || Executor.statements(script) < MIN_STATEMENTS
                || !LargeTableMoves.builds(script).isEmpty()) {
            return false;
        }
        Set<String> created = new HashSet<>();
        for (ScriptStep step : script.steps()) {
            StatementLocks takes = step.takes();
            String text = step.text();
            String head = head(text);
            if (!step.locks().isEmpty() || takes == null) {
                return false;
            }
            if (takes.creates() != null) {
                if (head.startsWith("CREATE TABLE IF NOT EXISTS") || !head.startsWith("CREATE TABLE ")) {
                    return false;
                }
                created.add(takes.creates());
                continue;
            }
            if (takes.locks().isEmpty()) {
                if (head.startsWith("CREATE SCHEMA ") || head.startsWith("CREATE SEQUENCE ")
                        && !head.startsWith("CREATE SEQUENCE IF NOT EXISTS")) {
                    continue;
                }
                return false; // sequences, functions, index renames: objects that may exist already
            }
            for (TableLock lock : takes.locks()) {
                if (!created.contains(lock.table())) {
                    return false;
                }
            }
        }
        return !created.isEmpty();
    }

    /**
     * The first 200 characters of {@code text} in upper case, each run of white space ({@code \s}: space, tab, line
     * feed, vertical tab, form feed, carriage return) as one space, and of that the first {@link #HEAD_CHARS}: what
     * {@link #holdable} and {@link SendAhead#sendable} read a statement's kind from (the longest kind they look for is
     * {@code CREATE SEQUENCE IF NOT EXISTS}). Only as much of the text is read as that takes: the early send checks
     * every statement of a first migration of thousands on its way to the server.
     */
    static String head(String text) {
        int end = Math.min(text.length(), 200);
        var out = new StringBuilder(HEAD_CHARS + 1);
        boolean space = false;
        // one character more than kept: a pair of surrogates at the end is upper-cased whole
        for (int i = 0; i < end && out.length() <= HEAD_CHARS; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        // upper case after: it turns no character into white space, nor white space into anything else
        String upper = out.toString().toUpperCase(Locale.ROOT);
        return upper.length() > HEAD_CHARS ? upper.substring(0, HEAD_CHARS) : upper;
    }

    /** How much of a statement {@link #head} keeps. */
    static final int HEAD_CHARS = 40;

    /** The settings with which the server ends a session that keeps a transaction open: {@link #sessionAllows}. */
    static final List<String> SESSION_ENDERS = List.of("idle_in_transaction_session_timeout", "transaction_timeout");

    /**
     * Whether a session whose {@link #SESSION_ENDERS} are {@code values} (in order; null for one the server does not
     * know) lets a transaction stay open while keel plans: the server ends no session for idling in a transaction
     * ({@code idle_in_transaction_session_timeout}) or for a transaction's length ({@code transaction_timeout},
     * PostgreSQL 17). Someone who set either wants short transactions; keel then plans first, as before.
     */
    static boolean sessionAllows(List<String> values) {
        return values.stream().allMatch(v -> v == null || v.equals("0"));
    }

    /**
     * Starts sending {@code script} ({@link #holdable}) on a thread of its own: makes {@code sink}'s commits not wait for
     * the disk ({@link JdbcSink#deferFlushes}, as the run does before its first migration), checks
     * {@link #sessionAllows} and sets the migration's timeouts in the same round trip, and sends the migration with its record, without its {@code COMMIT}
     * ({@link Executor#send}). Nothing else may use {@code connection} until {@link #join} returns.
     */
    public static EarlyStart start(Executor executor, JdbcSink sink, Connection connection, Script script, String checksum) {
        var box = new EarlyStart[1];
        EarlyStart early = new EarlyStart(() -> box[0].run(sink, executor.lockTimeout(), executor.statementTimeoutOf(script),
                () -> executor.send(connection, List.of(script), List.of(checksum), true)));
        box[0] = early;
        early.thread.start();
        return early;
    }

    /**
     * Starts sending {@code texts} ({@link Executor#heldTexts} of the migration a former run sent early, from a
     * {@link dev.keel.runner.FirstSent}) on a thread of its own, on a session already set up as {@link #start} sets it
     * up (commits not waiting for the disk, {@link #sessionAllows}, {@code lockTimeout} and {@code statementTimeout}
     * set), before the migrations are read and the plan is made: the run takes it for its plan's first
     * migration only when {@link #adopt} finds it is that migration's very statements, and rolls it back otherwise
     * ({@link #abandon}). Nothing else may use {@code connection} until {@link #join} returns.
     */
    public static EarlyStart ahead(Connection connection, List<String> texts, Duration lockTimeout, Duration statementTimeout) {
        var box = new EarlyStart[1];
        EarlyStart early = new EarlyStart(() -> box[0].run(null, lockTimeout, statementTimeout,
                () -> Executor.sendHeld(connection, texts)), List.copyOf(texts), lockTimeout, statementTimeout);
        box[0] = early;
        early.thread.start();
        return early;
    }

    /**
     * Whether this start {@link #ahead} of the plan sends what {@link #start} would send for {@code script} with
     * {@code checksum} run by {@code executor}: the same statements under the same timeouts. When it does, it is from
     * now on that migration's early start ({@link #join} gives it as {@code executor} would have sent it).
     */
    public synchronized boolean adopt(Executor executor, Script script, String checksum) {
        if (aheadTexts == null || adoptedBy != null || !java.util.Objects.equals(aheadLockTimeout, executor.lockTimeout())
                || !java.util.Objects.equals(aheadStatementTimeout, executor.statementTimeoutOf(script))
                || !aheadTexts.equals(executor.heldTexts(script, checksum))) {
            return false;
        }
        adopted = script;
        adoptedChecksum = checksum;
        adoptedBy = executor;
        return true;
    }

    /** Sets the session up on {@code sink} (none: set up already), then sends. */
    private void run(JdbcSink sink, Duration lockTimeout, Duration statementTimeout, java.util.function.Supplier<Executor.Sent> send) {
        Executor.Sent s = null;
        SQLException e = null;
        boolean no = false;
        try {
            // the session's commit setting, the settings that would end a held transaction, and the first migration's
            // timeouts (which the send then finds set): one round trip
            if (sink == null || sessionAllows(sink.deferFlushes(SESSION_ENDERS, lockTimeout, statementTimeout))) {
                s = send.get();
            } else {
                no = true;
            }
        } catch (SQLException caught) {
            e = caught;
        } catch (RuntimeException caught) {
            e = new SQLException(caught.getMessage(), caught);
        }
        synchronized (this) {
            sent = s;
            failure = e;
            declined = no;
            done = true;
            notifyAll();
        }
    }

    /**
     * Waits until the migration is sent and the server answered: what was sent (a {@link Executor.Sent#held}
     * migration, or one that failed, for {@link Executor#settle}), or null when the session does not allow it
     * ({@link #sessionAllows}: nothing was sent; the connection is as after {@link JdbcSink#deferFlushes}).
     *
     * @throws SQLException what setting up the session threw (nothing was sent)
     */
    public synchronized Executor.Sent join() throws SQLException {
        while (!done) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the first migration was sent", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (declined) {
            return null;
        }
        return adoptedBy != null && sent != null ? adoptedBy.adopt(sent, adopted, adoptedChecksum) : sent;
    }

    /**
     * Ends it without a commit: waits for the server's answer, then rolls back the transaction it holds (a refusal found
     * while planning, say). Throws nothing: the connection may be gone.
     */
    public void abandon(Connection connection) {
        Executor.Sent s;
        try {
            s = join();
        } catch (SQLException e) {
            return; // nothing was sent
        }
        if (s != null) {
            Executor.rollback(connection);
        }
    }
}
