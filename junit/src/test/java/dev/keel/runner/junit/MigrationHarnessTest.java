package dev.keel.runner.junit;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.support.NewsProject;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness on the news project: seeding through the names of {@code from}, checking through those
 * of {@code to}, both directions, and template databases that spare a second run the migrations.
 */
class MigrationHarnessTest {
    @TempDir Path project;

    /** Every migration the harness applies or unapplies, as "Applying news.0001_initial". */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final MigrateListener recorder = new MigrateListener() {
        @Override
        public void started(MigrationKey key, Action action) {
            events.add(action.verb() + " " + key);
        }
    };

    @BeforeEach
    void writeProject() throws Exception {
        NewsProject.write(project);
        // a migration of its own (a table comment: checksums are of what migrations do, not of their text),
        // so that this test's templates are its own too
        NewsProject.edit(project, "M0001_initial", "table(\"post\")", "table(\"post\").comment(\"" + UUID.randomUUID() + "\")");
    }

    private MigrationHarness harness(String from, String to) {
        return MigrationHarness.project(project).app("news").from(from).to(to)
                .server(TestPostgres.serverUrl(), user(), System.getenv("KEEL_TEST_DB_PASSWORD")).listener(recorder);
    }

    private static String user() {
        String u = System.getenv("KEEL_TEST_DB_USER");
        return u == null ? "postgres" : u;
    }

    @Test
    void seedsWithTheNamesOfFromAndReadsWithTheNamesOfTo() throws Exception {
        try (MigrationRun run = harness("0002", "0003").start()) {
            assertEquals(1L, run.before().insert("post", Map.of("id", 1L, "title", "Hello")));
            assertEquals("post", run.before().table("post").name());
            HistoricalDatabase after = run.migrate();
            assertEquals(List.of(new MigrationKey("news", "0003_rename_post")), run.migrated());
            assertEquals("story", after.table("post").name());
            assertEquals("headline", after.column("post", "headline"));
            Map<String, Object> row = after.rows("post").get(0);
            assertEquals("Hello", row.get("headline"));
            assertEquals("Hello", row.get("headlineCopy"), "the RunSql of 0003 ran");
            assertFalse(row.containsKey("title"));
            var e = assertThrows(KeelException.class, () -> after.column("post", "title"));
            assertTrue(e.getMessage().contains("has no field title at this point of the history"), e.getMessage());
        }
    }

    @Test
    void runsTheBatchedDataMigrationForwardsAndBackwards() throws Exception {
        try (MigrationRun run = harness("0001", "0002").start()) {
            for (long id = 1; id <= 3; id++) {
                run.before().insert("post", Map.of("id", id, "title", "Post " + id));
            }
            HistoricalDatabase after = run.migrate();
            assertEquals(List.of("post 1", "post 2", "post 3"),
                    after.rows("post").stream().map(r -> r.get("slug")).toList());
        }
        try (MigrationRun run = harness("0002", "0001").start()) {
            run.before().insert("post", Map.of("id", 7L, "title", "T", "slug", "t"));
            HistoricalDatabase after = run.migrate();
            assertEquals(0, after.count("SELECT count(*) FROM post WHERE slug IS NOT NULL"), "unfill ran");
        }
    }

    @Test
    void aSecondRunCopiesTheTemplateInsteadOfMigratingFromZero() throws Exception {
        long first;
        long t0 = System.nanoTime();
        try (MigrationRun run = harness("0002", "0003").start()) {
            first = System.nanoTime() - t0;
            assertFalse(run.reusedTemplate());
        }
        assertEquals(List.of("Applying news.0001_initial", "Applying news.0002_fill_slugs"), events,
                "the first run migrates a template from zero to 0002");
        events.clear();

        long t1 = System.nanoTime();
        try (MigrationRun run = harness("0002", "0003").start()) {
            long second = System.nanoTime() - t1;
            assertTrue(run.reusedTemplate());
            assertEquals(List.of(), events, "the second run applies no migration to reach 0002");
            assertEquals(2, run.before().count("SELECT count(*) FROM keel_migrations"), "its copy is at 0002 all the same");
            System.out.println("migration test database at 0002: first run " + Duration.ofNanos(first).toMillis()
                    + " ms (migrated a template), second " + Duration.ofNanos(second).toMillis() + " ms (copied it)");
        }
    }

    @Test
    void changedMigrationFilesMakeANewTemplateAndDropTheOldOne() throws Exception {
        String old;
        try (MigrationRun run = harness("0001", "0002").start()) {
            old = templateOf(run);
        }
        NewsProject.edit(project, "M0001_initial", "column(\"title\", \"text\")", "column(\"title\", \"varchar(200)\")");
        try (MigrationRun run = harness("0001", "0002").start()) {
            assertFalse(run.reusedTemplate(), "a changed file before from: a new template");
            assertFalse(templateOf(run).equals(old));
        }
        assertEquals(0, databases(old), "the template of the old files is gone");
    }

    @Test
    void eachTestGetsItsOwnCopyAndClosingDropsIt() throws Exception {
        String name;
        try (MigrationRun a = harness("0001", "0002").start(); MigrationRun b = harness("0001", "0002").start()) {
            a.before().insert("post", Map.of("id", 1L, "title", "only in a"));
            assertEquals(0, b.before().count("SELECT count(*) FROM post"));
            name = a.databaseName();
        }
        assertEquals(0, databases(name));
    }

    @Test
    void aWrongMigrationNameSaysWhichThereAre() {
        var e = assertThrows(KeelException.class, () -> harness("0009", "0002").start());
        assertTrue(e.getMessage().contains("0009"), e.getMessage());
        assertTrue(e.getMessage().contains("0001_initial"), e.getMessage());
    }

    private static String templateOf(MigrationRun run) {
        return dev.keel.runner.internal.harness.TemplateCache.templateName(run.hash());
    }

    private static long databases(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(TestPostgres.serverUrl(), user(), System.getenv("KEEL_TEST_DB_PASSWORD"));
             var st = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (var r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
