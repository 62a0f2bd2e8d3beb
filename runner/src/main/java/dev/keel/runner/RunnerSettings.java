package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.config.KeelConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the runner runs statements: every statement under {@code lockTimeout}; deploy-time migrations
 * also under {@code statementTimeout} (post-deployment ones without it); a statement that times out
 * waiting for a lock is tried again up to {@code lockRetries} times, after {@code retryBackoff},
 * doubled at each try. {@code lockPoll} is how often a {@code migrate} that waits for another one
 * looks again. Concurrent index builds and validations run without the statement timeout; on the tables
 * {@code largeTables} calls large, the migrations that do them wait for the post-deployment phase.
 */
public record RunnerSettings(Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration retryBackoff,
                             Duration lockPoll, LargeTables largeTables) {
    /** How many times a lock timeout is retried unless configured otherwise. */
    public static final int DEFAULT_LOCK_RETRIES = 3;
    /** The first wait before a retry unless configured otherwise; each next wait doubles. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public RunnerSettings {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(lockPoll, "lockPoll");
        Objects.requireNonNull(largeTables, "largeTables");
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lockTimeout must be positive: without it a statement may wait for a lock forever");
        }
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must be 0 or more");
        }
    }

    /** Settings with the default large-table threshold and no table listed. */
    public RunnerSettings(Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration retryBackoff,
                          Duration lockPoll) {
        this(lockTimeout, statementTimeout, lockRetries, retryBackoff, lockPoll, LargeTables.defaults());
    }

    /**
     * The settings of {@code keel.json}'s {@code database} section (defaults: 2 s lock, 5 s statement timeout,
     * tables large from {@value LargeTables#DEFAULT_ROWS} rows); no table listed as large.
     */
    public static RunnerSettings of(DatabaseConfig config) {
        return new RunnerSettings(DatabaseConfig.parseDuration(config.lockTimeout(), "database.lockTimeout"),
                DatabaseConfig.parseDuration(config.statementTimeout(), "database.statementTimeout"),
                DEFAULT_LOCK_RETRIES, DEFAULT_BACKOFF, Duration.ofMillis(250),
                new LargeTables(config.largeTableRows() == null ? LargeTables.DEFAULT_ROWS : config.largeTableRows(), Set.of()));
    }

    /** The settings of the database {@code database} of {@code config}, with the tables its {@code largeTables} lists. */
    public static RunnerSettings of(KeelConfig config, String database) {
        RunnerSettings s = of(config.requireDatabase(database));
        return s.withLargeTables(new LargeTables(s.largeTables().rows(), Set.copyOf(config.largeTables())));
    }

    /** The defaults: {@code lock_timeout} 2 s, {@code statement_timeout} 5 s, three retries from 1 s. */
    public static RunnerSettings defaults() {
        return of(DatabaseConfig.none());
    }

    /** These settings with other retries. */
    public RunnerSettings withRetries(int retries, Duration backoff) {
        return new RunnerSettings(lockTimeout, statementTimeout, retries, backoff, lockPoll, largeTables);
    }

    /** These settings with other timeouts. */
    public RunnerSettings withTimeouts(Duration lock, Duration statement) {
        return new RunnerSettings(lock, statement, lockRetries, retryBackoff, lockPoll, largeTables);
    }

    /** These settings with other large tables. */
    public RunnerSettings withLargeTables(LargeTables large) {
        return new RunnerSettings(lockTimeout, statementTimeout, lockRetries, retryBackoff, lockPoll, large);
    }
}
