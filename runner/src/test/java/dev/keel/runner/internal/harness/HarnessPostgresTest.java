package dev.keel.runner.internal.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which server migration tests use: the one {@code KEEL_TEST_DB_URL} names, or else an embedded
 * PostgreSQL whose data directory is kept in the project, so that its template databases outlive the
 * test run. (The system property {@code keel.test.db.url}, which wins over both, is unset here.)
 */
class HarnessPostgresTest {
    @TempDir Path project;

    @Test
    void theEnvironmentNamesTheServer() {
        PostgresServer s = HarnessPostgres.resolve(project, Map.of(HarnessPostgres.URL_ENV,
                "jdbc:postgresql://db.example.org:6543/keel?sslmode=require", HarnessPostgres.USER_ENV, "ci",
                HarnessPostgres.PASSWORD_ENV, "secret"));
        assertEquals("jdbc:postgresql://db.example.org:6543/keel?sslmode=require", s.url("keel"));
        assertEquals("jdbc:postgresql://db.example.org:6543/keel_test_1?sslmode=require", s.url("keel_test_1"));
        assertEquals("ci", s.user());
        assertEquals("secret", s.password());
        assertEquals("postgres", HarnessPostgres.resolve(project, Map.of(HarnessPostgres.URL_ENV,
                "jdbc:postgresql://localhost:5432/")).user(), "the user defaults to postgres");
        assertEquals(0, countFiles(project), "no embedded server was started");
    }

    @Test
    void withoutOneAnEmbeddedServerKeepsItsDataInTheProject() throws Exception {
        assertNull(System.getProperty(HarnessPostgres.URL_PROPERTY));
        // under target/, not a temporary folder: the server runs until the JVM exits, and its data
        // directory stays for the next run (which starts it again on the same data)
        Path project = Files.createDirectories(Path.of("target", "harness-embedded-project"));
        PostgresServer s = HarnessPostgres.resolve(project, Map.of());
        assertTrue(Files.isRegularFile(project.resolve(".keel").resolve(HarnessPostgres.FOLDER).resolve("PG_VERSION")),
                "the data directory is .keel/test-pg in the project");
        try (Connection c = s.admin(); var st = c.createStatement(); ResultSet r = st.executeQuery("SHOW data_directory")) {
            r.next();
            assertEquals(project.resolve(".keel/test-pg").toRealPath(), Path.of(r.getString(1)).toRealPath());
        }
        assertSame(s, HarnessPostgres.resolve(project, Map.of()), "one embedded server per project in a JVM");
    }

    private static long countFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
