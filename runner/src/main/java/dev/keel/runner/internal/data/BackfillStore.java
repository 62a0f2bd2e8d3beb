package dev.keel.runner.internal.data;

import dev.keel.migration.MigrationKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where backfills keep their progress: the table {@code keel_backfill}, one row per migration and
 * step (a named walk), holding the last key done, the rows and batches so far and whether the walk
 * finished. A batch writes its row in its own transaction, so what is recorded is exactly what is
 * committed. The rows of a migration are forgotten when it is recorded as applied or unapplied
 * ({@code JdbcSchemaHistory}, in the statement that records it).
 */
public final class BackfillStore {
    /** The table's name, in the connection's current schema. */
    public static final String TABLE = dev.keel.runner.catalog.Catalog.BACKFILL_TABLE;

    /** What an earlier run of a step left: the last key (as text), rows and batches done, and whether it finished. */
    public record Saved(String lastKey, long rows, int batches, boolean done) {
        /** Nothing done yet. */
        static final Saved NONE = new Saved(null, 0, 0, false);
    }

    private final Connection connection;

    /** The progress table as {@code connection} sees it. */
    public BackfillStore(Connection connection) {
        this.connection = connection;
    }

    /** The statement that creates the table unless it exists. */
    public static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
            + "    app text NOT NULL,\n"
            + "    migration text NOT NULL,\n"
            + "    step text NOT NULL,\n"
            + "    last_key text,\n"
            + "    rows bigint NOT NULL DEFAULT 0,\n"
            + "    batches integer NOT NULL DEFAULT 0,\n"
            + "    done boolean NOT NULL DEFAULT false,\n"
            + "    updated_at timestamptz NOT NULL DEFAULT now(),\n"
            + "    PRIMARY KEY (app, migration, step)\n"
            + ")";

    /** Creates the table unless it exists. */
    public void create() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute(CREATE);
        }
    }

    /** What earlier runs recorded for {@code step} of {@code key}; {@link Saved#NONE} when nothing. */
    public Saved read(MigrationKey key, String step) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_key, rows, batches, done FROM " + TABLE
                + " WHERE app = ? AND migration = ? AND step = ?")) {
            bind(ps, key, step);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? new Saved(r.getString(1), r.getLong(2), r.getInt(3), r.getBoolean(4)) : Saved.NONE;
            }
        }
    }

    /** Records {@code saved} for {@code step} of {@code key}, in the connection's current transaction. */
    public void save(MigrationKey key, String step, Saved saved) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (app, migration, step, last_key, rows, batches, done, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (app, migration, step) DO UPDATE SET last_key = EXCLUDED.last_key, rows = EXCLUDED.rows,"
                + " batches = EXCLUDED.batches, done = EXCLUDED.done, updated_at = now()")) {
            bind(ps, key, step);
            ps.setString(4, saved.lastKey());
            ps.setLong(5, saved.rows());
            ps.setInt(6, saved.batches());
            ps.setBoolean(7, saved.done());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, MigrationKey key, String step) throws SQLException {
        ps.setString(1, key.app());
        ps.setString(2, key.name());
        ps.setString(3, step);
    }
}
