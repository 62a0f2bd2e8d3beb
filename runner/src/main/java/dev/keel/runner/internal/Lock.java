package dev.keel.runner.internal;

import dev.keel.runner.sql.TableLock;

import java.util.List;
import java.util.Objects;

/**
 * A {@code LOCK TABLE} keel runs just before a statement, in the statement's transaction, so that it never
 * waits for a table while holding a lock that blocks another one's readers or writers: {@code nowait} when
 * the transaction holds such a lock already (on the tables {@code holding}), so a busy table fails at once,
 * the transaction rolls back and releases them, and the runner tries again later.
 */
public record Lock(TableLock lock, boolean nowait, List<String> holding) {
    public Lock {
        Objects.requireNonNull(lock, "lock");
        holding = List.copyOf(holding);
    }

    /** {@code LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT}. */
    public String sql() {
        return lock.statement(nowait);
    }
}
