package dev.keel.runner.internal.harness;

import dev.keel.config.KeelFolder;
import dev.keel.runner.internal.TestServerStart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server migration tests use: the one the system property {@value #URL_PROPERTY} or the
 * environment variable {@value #URL_ENV} names, or else an embedded PostgreSQL
 * whose data directory is {@code .keel/test-pg} in the project, kept between runs so that its
 * template databases are too. One embedded server per project per JVM, stopped when the JVM exits.
 */
public final class HarnessPostgres {
    /** The environment variable naming a server to use instead of the embedded one (shared with keel's own tests). */
    public static final String URL_ENV = "KEEL_TEST_DB_URL";
    /** Its user (default {@code postgres}). */
    public static final String USER_ENV = "KEEL_TEST_DB_USER";
    /** Its user's password. */
    public static final String PASSWORD_ENV = "KEEL_TEST_DB_PASSWORD";
    /** The system property naming a server (it wins over the environment), with {@code keel.test.db.user} and {@code .password}. */
    public static final String URL_PROPERTY = "keel.test.db.url";
    /** The embedded server's data directory, under the project's {@code .keel/}. */
    public static final String FOLDER = "test-pg";

    private static final Map<Path, PostgresServer> EMBEDDED = new HashMap<>();

    private HarnessPostgres() {}

    /**
     * The server for the tests of the project in {@code projectDir}, given the environment {@code env}.
     *
     * @throws IllegalStateException when the embedded server cannot start, saying what to do
     */
    public static PostgresServer resolve(Path projectDir, Map<String, String> env) {
        String property = System.getProperty(URL_PROPERTY);
        if (property != null && !property.isBlank()) {
            return PostgresServer.of(property, System.getProperty("keel.test.db.user"),
                    System.getProperty("keel.test.db.password"));
        }
        String url = env.get(URL_ENV);
        if (url != null && !url.isBlank()) {
            return PostgresServer.of(url, env.get(USER_ENV), env.get(PASSWORD_ENV));
        }
        return embedded(projectDir.toAbsolutePath().normalize());
    }

    private static synchronized PostgresServer embedded(Path projectDir) {
        PostgresServer server = EMBEDDED.get(projectDir);
        if (server != null) {
            return server;
        }
        Path data = projectDir.resolve(KeelFolder.NAME).resolve(FOLDER);
        try {
            KeelFolder.create(projectDir, FOLDER);
            EmbeddedPostgres pg = TestServerStart.start(EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false), "keel-migration-test-postgres-stop");
            server = PostgresServer.of(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
            EMBEDDED.put(projectDir, server);
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(data + ": the embedded PostgreSQL for migration tests could not start: "
                    + e.getMessage() + "\nTo fix: if another test run of this project is going on, wait for it (one"
                    + " embedded server per project at a time); or set " + URL_ENV + " (and " + USER_ENV + ", "
                    + PASSWORD_ENV + ") to a PostgreSQL server whose user may create databases.", e);
        }
    }
}
