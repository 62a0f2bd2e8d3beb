package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One copy of a database that gets the same migrations: a region or a tenant. {@code user} and
 * {@code passwordEnv} default to the database's own; the password itself is never in the file.
 */
public record TargetConfig(@JsonProperty("name") String name,
                           @JsonProperty("url") String url,
                           @JsonProperty("user") String user,
                           @JsonProperty("passwordEnv") String passwordEnv) {
    @JsonCreator
    public TargetConfig {
        AppConfig.requireText(name, "targets[].name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("target name \"" + name + "\" must be letters, digits, '_', '.' or '-'");
        }
        AppConfig.requireText(url, "targets[].url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the url of target \"" + name
                    + "\" must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not \"" + url + "\"");
        }
    }

    /** The text Java gives a record ({@link RecordText}: the same, without linking method handles on first use). */
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    /** This target with the database's user and password variable where it names none. */
    TargetConfig inheriting(String dbUser, String dbPasswordEnv) {
        return new TargetConfig(name, url, user == null ? dbUser : user, passwordEnv == null ? dbPasswordEnv : passwordEnv);
    }
}
