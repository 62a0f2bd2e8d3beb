package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;

import java.sql.SQLException;
import java.util.Map;

/**
 * The applied-migrations table. Every write goes through the caller's connection, in whatever
 * transaction is open, so an atomic migration is recorded in its own transaction.
 */
public interface SchemaHistory {
    /** Creates the table if it does not exist. */
    void create() throws SQLException;

    /** Every row, by key; empty when the table does not exist yet. */
    Map<MigrationKey, HistoryRow> rows() throws SQLException;

    /** {@link #create} then {@link #rows} (in one round trip where the history can). */
    default Map<MigrationKey, HistoryRow> createAndRead() throws SQLException {
        create();
        return rows();
    }

    /** Records {@code key} as applied completely (replacing any part-way row). */
    void applied(MigrationKey key, String checksum, long durationMs) throws SQLException;

    /**
     * Records {@code key} as applied completely ({@link #applied}) in the open transaction of the caller's
     * connection, and may commit that transaction with it, in the same round trip ({@link JdbcSchemaHistory}
     * does). The caller commits after it all the same, which then has nothing left to do; on failure the caller
     * rolls back as after a failed {@link #applied} (a failed commit leaves nothing to roll back). Outside a
     * transaction it is {@link #applied}.
     */
    default void appliedCommitting(MigrationKey key, String checksum, long durationMs) throws SQLException {
        applied(key, checksum, durationMs);
    }

    /** Records that a non-atomic migration is being applied or unapplied, keeping the steps done of a same-phase row. */
    void started(MigrationKey key, String checksum, HistoryRow.Phase phase) throws SQLException;

    /** Records how many steps of a part-way migration are done. */
    void progressed(MigrationKey key, int stepsDone) throws SQLException;

    /** Removes the row of {@code key}: the migration is not applied. */
    void removed(MigrationKey key) throws SQLException;

    /** {@link #removed}, perhaps with the commit of the open transaction, as {@link #appliedCommitting} records. */
    default void removedCommitting(MigrationKey key) throws SQLException {
        removed(key);
    }

    /** Replaces the recorded checksum of {@code key}. */
    void checksum(MigrationKey key, String checksum) throws SQLException;

    /** A history that records nothing and holds nothing (for {@code sqlmigrate}). */
    static SchemaHistory none() {
        return new SchemaHistory() {
            @Override public void create() {}
            @Override public Map<MigrationKey, HistoryRow> rows() { return Map.of(); }
            @Override public void applied(MigrationKey key, String checksum, long durationMs) {}
            @Override public void started(MigrationKey key, String checksum, HistoryRow.Phase phase) {}
            @Override public void progressed(MigrationKey key, int stepsDone) {}
            @Override public void removed(MigrationKey key) {}
            @Override public void checksum(MigrationKey key, String checksum) {}
        };
    }
}
