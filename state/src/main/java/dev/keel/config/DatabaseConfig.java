package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * Where {@code migrate} connects. The password is never in the file: {@code passwordEnv} names the
 * environment variable that holds it. Timeouts are PostgreSQL interval strings ({@code 5s}, {@code 500ms}).
 * Instead of one {@code url}, a database may list {@code targets}: copies of it (regions, tenants) that
 * get the same migrations ({@code keel migrate --all-targets}); a target's user and password variable
 * default to the database's. {@code largeTableRows} is the size from which {@code migrate} leaves index builds
 * and validations on a table for the post-deployment phase (1,000,000 unless given; 0 turns the size check off).
 */
public record DatabaseConfig(@JsonProperty("url") String url,
                             @JsonProperty("user") String user,
                             @JsonProperty("passwordEnv") String passwordEnv,
                             @JsonProperty("lockTimeout") String lockTimeout,
                             @JsonProperty("statementTimeout") String statementTimeout,
                             @JsonProperty("targets") List<TargetConfig> targets,
                             @JsonProperty("largeTableRows") Long largeTableRows) {
    @JsonCreator
    public DatabaseConfig {
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not \"" + url + "\"");
        }
        lockTimeout = lockTimeout == null ? "2s" : lockTimeout;
        statementTimeout = statementTimeout == null ? "5s" : statementTimeout;
        parseDuration(lockTimeout, "database.lockTimeout");
        parseDuration(statementTimeout, "database.statementTimeout");
        if (largeTableRows != null && largeTableRows < 0) {
            throw new IllegalArgumentException("\"database.largeTableRows\" must be a number of rows (1000000), or 0 to"
                    + " leave builds on tables of any size at deploy time unless \"largeTables\" lists them, not " + largeTableRows);
        }
        if (targets != null && targets.isEmpty()) {
            throw new IllegalArgumentException("\"targets\" must list at least one target, or be left out");
        }
        if (targets != null && url != null) {
            throw new IllegalArgumentException("a database with \"targets\" takes each target's url; remove its own"
                    + " \"url\" (\"" + url.replaceAll("password=[^&]*", "password=***") + "\") or its targets");
        }
        if (targets != null) {
            var names = new HashSet<String>();
            var copy = new java.util.ArrayList<TargetConfig>();
            for (TargetConfig t : targets) {
                if (t == null) {
                    throw new IllegalArgumentException("\"targets\" holds an empty entry");
                }
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("target name \"" + t.name() + "\" appears twice in \"targets\"");
                }
                copy.add(t.inheriting(user, passwordEnv));
            }
            targets = List.copyOf(copy);
        } else {
            targets = List.of();
        }
    }

    /** A database at one URL (or none), without targets. */
    public DatabaseConfig(String url, String user, String passwordEnv, String lockTimeout, String statementTimeout) {
        this(url, user, passwordEnv, lockTimeout, statementTimeout, null, null);
    }

    /** A database at one URL or with targets, with the default large-table threshold. */
    public DatabaseConfig(String url, String user, String passwordEnv, String lockTimeout, String statementTimeout,
                          List<TargetConfig> targets) {
        this(url, user, passwordEnv, lockTimeout, statementTimeout, targets, null);
    }

    /** The text Java gives a record ({@link RecordText}: the same, without linking method handles on first use). */
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    /** Whether it lists targets (regions, tenants) instead of one URL. */
    public boolean hasTargets() {
        return !targets.isEmpty();
    }

    /** No database configured: {@code migrate} uses the embedded PostgreSQL under {@code .keel/}. */
    public static DatabaseConfig none() {
        return new DatabaseConfig(null, null, null, null, null, null, null);
    }

    public boolean configured() {
        return url != null || hasTargets();
    }

    /** {@code 5s}, {@code 500ms}, {@code 1min} as a duration. */
    public static Duration parseDuration(String text, String key) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + key + "\" must look like 500ms, 5s or 2min, not \"" + text + "\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
