package dev.keel.scan.oracle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL database the database-level oracle tests use: {@code KEEL_TEST_PG_URL} (with
 * {@code KEEL_TEST_PG_USER} and {@code KEEL_TEST_PG_PASSWORD}) when set, else a fresh database on the
 * embedded PostgreSQL of {@link dev.keel.runner.testing.TestPostgres}.
 */
public record TestDatabase(String url, String user, String password) {

    /** The configured database, or a fresh embedded one. */
    public static Optional<TestDatabase> configured() {
        String url = System.getenv("KEEL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("keel.test.pg.url");
        }
        if (url == null || url.isBlank()) {
            var fresh = dev.keel.runner.testing.TestPostgres.freshDatabase();
            return Optional.of(new TestDatabase(fresh.url(), fresh.user(), fresh.password()));
        }
        return Optional.of(new TestDatabase(url, env("KEEL_TEST_PG_USER", "postgres"), env("KEEL_TEST_PG_PASSWORD", "postgres")));
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return v == null ? dflt : v;
    }

    /** A new connection. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Drops every user schema (the ones a sample's {@code @Table(schema)} created included) and recreates the
     * public schema, so every sample starts from nothing.
     */
    public void resetSchemas() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String schema : PgCatalog.schemas(c)) {
                s.execute("drop schema if exists \"" + schema.replace("\"", "\"\"") + "\" cascade");
            }
            s.execute("create schema if not exists public");
        }
    }
}
