package dev.keel.runner.internal;

import dev.keel.cache.ContentHash;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.FirstSent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code migrate} does as soon as it is connected, before its migrations are read: takes keel's advisory lock
 * (when no one holds it: otherwise the run waits for it in its turn, saying so), reads the history, and when the history
 * is what a former run's first migration sent early met ({@link FirstSent#history}), sets the session up as
 * {@link EarlyStart#start} does and sends that migration's statements again ({@link EarlyStart#ahead}), its transaction
 * held open. The run then goes on from here ({@link Ahead}): the lock held, the history read, and the migration sent,
 * which it commits only when its plan's first migration is exactly what was sent ({@link EarlyStart#adopt}).
 *
 * <p>Only statements that could have been sent early are sent ahead ({@link #sendable}): keel's own, creating tables
 * and touching only those; whatever else a damaged or foreign {@code FirstSent} holds, nothing is sent.
 */
public final class SendAhead {
    private SendAhead() {}

    /**
     * Where a run stands after {@link #start}: the lock (null when another session held it), the history read under it
     * (null without the lock), the sink that set the session up (null when nothing was set up), and the migration sent
     * (null when none).
     */
    public record Ahead(AdvisoryLock lock, Map<MigrationKey, HistoryRow> rows, JdbcSink sink, EarlyStart early) {}

    /**
     * Takes the lock and reads the history on {@code connection} (whose {@link SessionWatch} settings are
     * {@code watched}), then sends {@code first} when the history is {@code first}'s and its statements are
     * {@link #sendable}.
     *
     * @throws SQLException when the lock or the history cannot be read: the run then does both again, and reports
     */
    public static Ahead start(Connection connection, List<String> watched, FirstSent first) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.tryAcquire(connection);
        if (lock == null) {
            return new Ahead(null, null, null, null);
        }
        Map<MigrationKey, HistoryRow> rows;
        try {
            rows = new JdbcSchemaHistory(connection).createAndRead();
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
        if (first == null || !digest(rows).equals(first.history()) || !sendable(first)) {
            return new Ahead(lock, rows, null, null);
        }
        var sink = new JdbcSink(connection, null);
        sink.keepWatching(watched);
        if (!EarlyStart.sessionAllows(sink.deferFlushes(EarlyStart.SESSION_ENDERS, first.lockTimeout(), first.statementTimeout()))) {
            return new Ahead(lock, rows, sink, null);
        }
        return new Ahead(lock, rows, sink, EarlyStart.ahead(connection, first.statements(), first.lockTimeout(),
                first.statementTimeout()));
    }

    /**
     * Whether {@code first}'s statements are what keel sends early, as far as the text shows: {@code BEGIN}, then
     * statements each creating a table, or an index, a sequence, a schema, a comment or a constraint (locks taken
     * first included), none ending or starting a transaction or holding a second statement, and last the migration's
     * record in keel_migrations.
     */
    static boolean sendable(FirstSent first) {
        List<String> texts = first.statements();
        if (texts.size() < 3 || !texts.get(0).equals("BEGIN") || first.lockTimeout() == null) {
            return false;
        }
        for (String text : texts.subList(1, texts.size() - 1)) {
            String head = EarlyStart.head(text);
            if (text.indexOf(';') >= 0 || !(head.startsWith("CREATE TABLE ") || head.startsWith("CREATE INDEX ")
                    || head.startsWith("CREATE UNIQUE INDEX ") || head.startsWith("ALTER TABLE ")
                    || head.startsWith("CREATE SCHEMA ") || head.startsWith("CREATE SEQUENCE ")
                    || head.startsWith("COMMENT ON ") || head.startsWith("LOCK TABLE "))) {
                return false;
            }
        }
        return JdbcSchemaHistory.isAppliedTimedByServer(texts.get(texts.size() - 1), new MigrationKey(first.app(), first.name()));
    }

    /** A digest of what {@code rows} hold: every migration recorded, with its checksum, phase and steps done. */
    public static String digest(Map<MigrationKey, HistoryRow> rows) {
        // ContentHash, not SHA-256: the first MessageDigest of a run sets up Java's security providers (25-30 ms),
        // here on the way to the first statement; a digest that matched by chance would cost nothing but the
        // early send, which the run rolls back when its own plan does not start with the same statements
        var hash = ContentHash.start(HEADER);
        for (HistoryRow row : new TreeMap<>(rows).values()) {
            hash.add(row.key().app() + '\0' + row.key().name() + '\0' + row.checksum() + '\0' + row.phase() + '\0'
                    + row.stepsDone());
        }
        return hash.hash();
    }

    /** The first part of every {@link #digest}, naming how it is made. */
    private static final String HEADER = "keel history digest 2";
}
