package dev.keel.runner.junit;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.support.NewsProject;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MigrationTest} as a user writes it: seeds in a {@link BeforeMigration} method, checks in the
 * tests. The project is the news test project, written into {@code target/}; the server is keel's
 * test server, named by the system property the harness reads first.
 */
@MigrationTest(app = "news", from = "0001", to = "0002", project = MigrationTestExtensionTest.PROJECT)
class MigrationTestExtensionTest {
    static final String PROJECT = "target/migration-test-news";

    @BeforeAll
    static void writeProjectAndPickServer() throws IOException {
        Path dir = Path.of(PROJECT);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        NewsProject.write(Files.createDirectories(dir));
        System.setProperty("keel.test.db.url", TestPostgres.serverUrl());
        setOrClear("keel.test.db.user", System.getenv("KEEL_TEST_DB_USER"));
        setOrClear("keel.test.db.password", System.getenv("KEEL_TEST_DB_PASSWORD"));
    }

    private static void setOrClear(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @AfterAll
    static void forgetServer() {
        System.clearProperty("keel.test.db.url");
        System.clearProperty("keel.test.db.user");
        System.clearProperty("keel.test.db.password");
    }

    private int seeded;

    @BeforeMigration
    void seed(HistoricalDatabase before) throws SQLException {
        before.insert("post", Map.of("id", 1L, "title", "First Post"));
        before.insert("post", Map.of("id", 2L, "title", "Second", "slug", "kept"));
        seeded++;
    }

    @Test
    void theDataMigrationRanOnTheSeededRows(HistoricalDatabase after) throws SQLException {
        assertEquals(1, seeded);
        assertEquals(List.of(Map.of("id", 1L, "title", "First Post", "slug", "first post", "touched", 1),
                Map.of("id", 2L, "title", "Second", "slug", "kept", "touched", 0)), after.rows("post"));
    }

    @Test
    void theRunSaysWhatItMigrated(MigrationRun run) {
        assertEquals(List.of(new MigrationKey("news", "0002_fill_slugs")), run.migrated());
        assertEquals("news.0002_fill_slugs: names as of 0002: post.title, key [id]", run.log().get(0));
        assertEquals(true, run.log().get(1).startsWith("news.0002_fill_slugs: fill#1 on post: 2 rows in 1 batch, 1 changed, "),
                run.log().toString());
    }
}
