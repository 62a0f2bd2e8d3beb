package dev.keel.runner.internal;

import dev.keel.runner.sql.LockMode;
import dev.keel.runner.sql.StatementLocks;
import dev.keel.runner.sql.TableLock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the {@code LOCK TABLE} statements of a transaction, so that it never waits for a lock on a table
 * while it holds a lock that blocks another table's readers or writers ({@code SHARE} or stronger): that
 * wait would block the other table for as long, up to the lock timeout, on every retry. Pure.
 *
 * <p>Walking the transaction's statements in order, with the locks each takes ({@link StatementLocks}): a
 * statement that needs a table lock the transaction does not hold yet, at a moment when the transaction
 * holds a blocking lock on another table, gets {@code LOCK TABLE ... NOWAIT} for it first; and so that the
 * statement's own first lock is not taken behind that one's back, every lock it needs is then taken just
 * before it, in the order PostgreSQL would take them, waiting (under {@code lock_timeout}) only while nothing
 * blocking is held. Locks are taken where the statement needs them, never earlier: a lock is held no longer
 * than without them. Tables created in the transaction are skipped (no other session sees them). The
 * statements keel cannot read ({@code RunSql}, {@code RunJava}) get nothing and count as taking nothing.
 */
final class LockPlan {
    private LockPlan() {}

    /** {@code steps} as one transaction: each with the {@code LOCK TABLE} statements to run before it. */
    static List<ScriptStep> transaction(List<ScriptStep> steps) {
        var held = new HashMap<String, List<LockMode>>();
        var blocking = new LinkedHashSet<String>();
        var created = new HashSet<String>();
        var result = new ArrayList<ScriptStep>();
        for (ScriptStep step : steps) {
            result.add(step.withLocks(before(step.takes(), held, blocking, created)));
        }
        return result;
    }

    /** {@code step} as a transaction of its own (a step of a non-atomic migration). */
    static ScriptStep alone(ScriptStep step) {
        return transaction(List.of(step)).get(0);
    }

    private static List<Lock> before(StatementLocks takes, Map<String, List<LockMode>> held, Set<String> blocking,
                                     Set<String> created) {
        if (takes == null) {
            return List.of();
        }
        if (takes.creates() != null) {
            created.add(takes.creates());
        }
        var locks = new ArrayList<Lock>();
        boolean anyNowait = false;
        for (TableLock l : takes.locks()) {
            if (created.contains(l.table()) || held.getOrDefault(l.table(), List.of()).stream().anyMatch(h -> h.covers(l.mode()))) {
                continue;
            }
            List<String> others = blocking.stream().filter(t -> !t.equals(l.table())).toList();
            locks.add(new Lock(l, !others.isEmpty(), others));
            anyNowait |= !others.isEmpty();
            held.computeIfAbsent(l.table(), t -> new ArrayList<>()).add(l.mode());
            if (l.mode().blocksReadersOrWriters()) {
                blocking.add(l.table());
            }
        }
        return anyNowait ? locks : List.of();
    }
}
