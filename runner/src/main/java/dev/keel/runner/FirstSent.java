package dev.keel.runner;

import java.time.Duration;
import java.util.List;

/**
 * The first migration of a {@link Migrator#migrate} run as keel sent it while it planned the rest (a large migration
 * that only creates tables, such as a project's initial one onto an empty database): what a later run onto a database
 * whose history is {@code history} again may send as soon as it is connected ({@link Migrator.Session#sendAhead}),
 * before its migrations are even read. That run uses what was sent only when its plan's first migration has exactly
 * these statements under these timeouts, and rolls it back otherwise: a stale or wrong {@code FirstSent} costs the
 * server's work on it, never a change.
 *
 * @param history          what the history held when the run started ({@link Migrator#historyDigest})
 * @param app              the migration's app
 * @param name             the migration's name
 * @param origin           where the migration was read from (its source file; null when not from a file)
 * @param lockTimeout      the lock timeout it was sent under
 * @param statementTimeout the statement timeout it was sent under (null: none)
 * @param statements       what was sent, in order: {@code BEGIN}, its statements, its record; without {@code COMMIT}
 */
public record FirstSent(String history, String app, String name, String origin, Duration lockTimeout,
                        Duration statementTimeout, List<String> statements) {
    public FirstSent {
        statements = List.copyOf(statements);
    }
}
