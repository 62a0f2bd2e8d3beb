package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.internal.data.BackfillStore;
import dev.keel.runner.sql.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@link SchemaHistory} in the table {@code keel_migrations} of the connection's current schema. */
public final class JdbcSchemaHistory implements SchemaHistory {
    static final String TABLE = Catalog.HISTORY_TABLE;

    private final Connection connection;
    /** What the connection's {@link JdbcSink} has run and not sent: sent before anything of this history. */
    private final PendingStatements pending;

    /**
     * The history table as {@code connection} sees it (its current schema). Recording a migration as
     * applied or unapplied also forgets the progress of its batched walks ({@code keel_backfill}), in the
     * same statement: {@link #create()} makes both tables.
     */
    public JdbcSchemaHistory(Connection connection) {
        this(connection, new PendingStatements(connection));
    }

    /** {@link #JdbcSchemaHistory(Connection)}, recording after what {@code pending} holds of the connection's statements. */
    public JdbcSchemaHistory(Connection connection, PendingStatements pending) {
        this.connection = connection;
        this.pending = pending;
    }

    /** Creates keel's two tables unless they exist, in one round trip: the history, and the backfills' progress. */
    @Override
    public void create() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute(CREATE);
        }
    }

    /**
     * {@link #create} and {@link #rows} in one round trip: the tables are created unless they exist, then the history is
     * read (where {@link #rows} first asks whether the table exists, a round trip of its own).
     */
    @Override
    public Map<MigrationKey, HistoryRow> createAndRead() throws SQLException {
        pending.send();
        try (var st = connection.createStatement()) {
            boolean result = st.execute(CREATE + ";\n" + READ);
            while (!result && st.getUpdateCount() != -1) {
                result = st.getMoreResults();
            }
            if (!result) {
                throw new SQLException("no rows came back from reading " + TABLE);
            }
            try (ResultSet r = st.getResultSet()) {
                return rows(r);
            }
        }
    }

    /** What {@link #create} runs. */
    private static final String CREATE = BackfillStore.CREATE + ";\nCREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
            + "    app text NOT NULL,\n"
            + "    name text NOT NULL,\n"
            + "    checksum text NOT NULL,\n"
            + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
            + "    duration_ms bigint NOT NULL DEFAULT 0,\n"
            + "    phase text NOT NULL DEFAULT 'applied' CHECK (phase IN ('applied', 'applying', 'unapplying')),\n"
            + "    steps_done integer NOT NULL DEFAULT 0,\n"
            + "    PRIMARY KEY (app, name)\n"
            + ")";

    /** What {@link #rows} runs once the table exists. */
    private static final String READ = "SELECT app, name, checksum, applied_at, duration_ms, phase, steps_done FROM " + TABLE
            + " ORDER BY app, name";

    @Override
    public Map<MigrationKey, HistoryRow> rows() throws SQLException {
        pending.send();
        if (!exists()) {
            return new TreeMap<>();
        }
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery(READ)) {
            return rows(r);
        }
    }

    /** The records {@code r} holds, as {@link #READ} reads them. */
    private static Map<MigrationKey, HistoryRow> rows(ResultSet r) throws SQLException {
        var rows = new TreeMap<MigrationKey, HistoryRow>();
        while (r.next()) {
            var key = new MigrationKey(r.getString(1), r.getString(2));
            rows.put(key, new HistoryRow(key, r.getString(3), r.getTimestamp(4).toInstant(), r.getLong(5),
                    HistoryRow.Phase.valueOf(r.getString(6).toUpperCase(Locale.ROOT)), r.getInt(7)));
        }
        return rows;
    }

    private boolean exists() throws SQLException {
        try (var st = connection.createStatement();
             ResultSet r = st.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** A common table expression that deletes the backfill progress of the migration bound first. */
    private static final String FORGET_BACKFILLS = "WITH forgotten AS (DELETE FROM " + BackfillStore.TABLE
            + " WHERE app = ? AND migration = ?) ";

    /** Records a migration as applied (binds: app and name twice, checksum, duration). */
    private static final String APPLIED = FORGET_BACKFILLS + "INSERT INTO " + TABLE
            + " (app, name, checksum, applied_at, duration_ms, phase, steps_done)"
            + " VALUES (?, ?, ?, now(), ?, 'applied', 0) ON CONFLICT (app, name) DO UPDATE SET"
            + " checksum = EXCLUDED.checksum, applied_at = now(), duration_ms = EXCLUDED.duration_ms,"
            + " phase = 'applied', steps_done = 0";

    /**
     * The statement that records {@code key} as applied, in a transaction keel opened with {@code BEGIN}, with the
     * time the transaction has taken so far as the server counts it ({@code clock_timestamp()} less the start of the
     * transaction): for migrations sent together, where keel cannot time each one. It returns that time, in
     * milliseconds, as text.
     */
    static String appliedTimedByServer(MigrationKey key, String checksum) {
        return literal(APPLIED.replace("VALUES (?, ?, ?, now(), ?,", "VALUES (?, ?, ?, now(), " + SERVER_MS + ",")
                + " RETURNING duration_ms::text", key, key, checksum);
    }

    /**
     * Whether {@code text} is {@link #appliedTimedByServer} of {@code key} with some checksum (letters, digits and
     * colons): the record a migration sent ahead of its plan ends with.
     */
    static boolean isAppliedTimedByServer(String text, MigrationKey key) {
        String probe = appliedTimedByServer(key, CHECKSUM_PROBE);
        int at = probe.indexOf("'" + CHECKSUM_PROBE + "'");
        String before = probe.substring(0, at);
        String after = probe.substring(at + CHECKSUM_PROBE.length() + 2);
        if (!text.startsWith(before) || !text.endsWith(after) || text.length() < before.length() + after.length()) {
            return false;
        }
        return text.substring(before.length(), text.length() - after.length()).matches("'[A-Za-z0-9:]+'");
    }

    private static final String CHECKSUM_PROBE = "keel-checksum-probe";

    /** The milliseconds the transaction has taken so far, by the server's clock. */
    private static final String SERVER_MS = "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";

    /** Removes a migration's record (binds: app and name twice). */
    private static final String REMOVED = FORGET_BACKFILLS + "DELETE FROM " + TABLE + " WHERE app = ? AND name = ?";

    @Override
    public void applied(MigrationKey key, String checksum, long durationMs) throws SQLException {
        update(APPLIED, key, key, checksum, durationMs);
    }

    /** {@code sql} with each {@code ?} replaced by the next of {@code args} as a literal (a key: app, then name). */
    private static String literal(String sql, Object... args) {
        var values = new ArrayList<String>();
        for (Object a : args) {
            if (a instanceof MigrationKey k) {
                values.add(Identifiers.literal(k.app()));
                values.add(Identifiers.literal(k.name()));
            } else if (a instanceof Number n) {
                values.add(String.valueOf(n.longValue()));
            } else {
                values.add(Identifiers.literal(String.valueOf(a)));
            }
        }
        var out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c == '?' ? values.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * {@link #applied}, and in a transaction the {@code COMMIT} of that transaction sent with it, one round trip
     * for both (a run of many small migrations would otherwise spend a round trip per migration on the commit
     * alone). The record and the migration's statements still commit together or not at all: when the record
     * fails, PostgreSQL skips the {@code COMMIT} and the transaction stays open, aborted, for the caller's
     * rollback; when the commit fails, nothing of the transaction is kept.
     */
    @Override
    public void appliedCommitting(MigrationKey key, String checksum, long durationMs) throws SQLException {
        if (connection.getAutoCommit()) {
            applied(key, checksum, durationMs);
            return;
        }
        // with the statements the migration ran and keel has not sent yet: one round trip for the whole transaction
        pending.send(List.of(literal(APPLIED, key, key, checksum, durationMs), "COMMIT"));
    }

    /**
     * {@link #removed}, and in a transaction its {@code COMMIT} with it, in one round trip with the statements not
     * sent yet, as {@link #appliedCommitting} does.
     */
    @Override
    public void removedCommitting(MigrationKey key) throws SQLException {
        if (connection.getAutoCommit()) {
            removed(key);
            return;
        }
        pending.send(List.of(literal(REMOVED, key, key), "COMMIT"));
    }

    @Override
    public void started(MigrationKey key, String checksum, HistoryRow.Phase phase) throws SQLException {
        String p = phase.name().toLowerCase(Locale.ROOT);
        update("INSERT INTO " + TABLE + " (app, name, checksum, applied_at, duration_ms, phase, steps_done)"
                + " VALUES (?, ?, ?, now(), 0, '" + p + "', 0) ON CONFLICT (app, name) DO UPDATE SET"
                + " checksum = EXCLUDED.checksum, steps_done = CASE WHEN " + TABLE + ".phase = '" + p + "' THEN "
                + TABLE + ".steps_done ELSE 0 END, phase = '" + p + "'", key, checksum);
    }

    @Override
    public void progressed(MigrationKey key, int stepsDone) throws SQLException {
        update("UPDATE " + TABLE + " SET steps_done = ? WHERE app = ? AND name = ?", stepsDone, key.app(), key.name());
    }

    @Override
    public void removed(MigrationKey key) throws SQLException {
        update(REMOVED, key, key);
    }

    @Override
    public void checksum(MigrationKey key, String checksum) throws SQLException {
        update("UPDATE " + TABLE + " SET checksum = ? WHERE app = ? AND name = ?", checksum, key.app(), key.name());
    }

    /** Runs {@code sql}; a {@link MigrationKey} argument binds two parameters, app and name. */
    private void update(String sql, Object... args) throws SQLException {
        pending.send();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object a : args) {
                if (a instanceof MigrationKey k) {
                    ps.setString(i++, k.app());
                    ps.setString(i++, k.name());
                } else {
                    ps.setObject(i++, a);
                }
            }
            ps.executeUpdate();
        }
    }
}
