package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Where the commands that run migrations ({@code migrate}, {@code showmigrations}, {@code sqlmigrate},
 * {@code check-db}) read them from: {@code "migrations": {"classpath": ["target/app.jar"]}} loads them from
 * the compiled classes of those folders and jars (paths relative to the project folder), so that a
 * deployment needs no sources. Without it they are read from the source files.
 * {@code makemigrations} and the other commands that write or check migration files always read the sources.
 */
public record MigrationsConfig(@JsonProperty("classpath") List<String> classpath) {
    @JsonCreator
    public MigrationsConfig {
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        for (String entry : classpath) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("\"migrations.classpath\" must list folders and jars"
                        + " ([\"target/classes\"] or [\"target/app.jar\"])");
            }
        }
    }

    /** The text Java gives a record ({@link RecordText}: the same, without linking method handles on first use). */
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    /** No section: migrations are read from their sources. */
    public static MigrationsConfig none() {
        return new MigrationsConfig(List.of());
    }
}
