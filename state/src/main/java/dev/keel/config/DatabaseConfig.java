package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;

/**
 * Where {@code migrate} connects. The password is never in the file: {@code passwordEnv} names the
 * environment variable that holds it. Timeouts are PostgreSQL interval strings ({@code 5s}, {@code 500ms}).
 */
public record DatabaseConfig(@JsonProperty("url") String url,
                             @JsonProperty("user") String user,
                             @JsonProperty("passwordEnv") String passwordEnv,
                             @JsonProperty("lockTimeout") String lockTimeout,
                             @JsonProperty("statementTimeout") String statementTimeout) {
    @JsonCreator
    public DatabaseConfig {
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not \"" + url + "\"");
        }
        lockTimeout = lockTimeout == null ? "2s" : lockTimeout;
        statementTimeout = statementTimeout == null ? "5s" : statementTimeout;
        parseDuration(lockTimeout, "database.lockTimeout");
        parseDuration(statementTimeout, "database.statementTimeout");
    }

    /** No database configured: {@code migrate} uses the embedded PostgreSQL under {@code .keel/}. */
    public static DatabaseConfig none() {
        return new DatabaseConfig(null, null, null, null, null);
    }

    public boolean configured() {
        return url != null;
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
