package dev.keel.runner.sql;

import java.util.Objects;

/**
 * A lock a statement takes on a table: {@code table} as keel's state names it ({@code post},
 * {@code audit.event}; the default schema left out).
 */
public record TableLock(String table, LockMode mode) {
    public TableLock {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
    }

    /** {@code LOCK TABLE post IN SHARE ROW EXCLUSIVE MODE}, with {@code NOWAIT} when {@code nowait}. */
    public String statement(boolean nowait) {
        return "LOCK TABLE " + Identifiers.qualified(table) + " IN " + mode.sql() + " MODE" + (nowait ? " NOWAIT" : "");
    }
}
