package dev.keel.cli;

import dev.keel.cache.ProjectCache;
import dev.keel.runner.FirstSent;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate} keeps the first migration it sent early in the project's cache ({@link FirstSentStore}), and
 * the next run onto a database in the same state sends it as soon as it is connected: the same migrations applied and
 * recorded; a kept file for another configuration, another database, or a migration file changed since, is not used.
 */
class FirstSentCommandTest {
    static final String AHEAD = "wait for the first migration (sent as keel connected)";
    static final String EARLY = "time: wait for the first migration:";

    @TempDir Path dir;

    /** A project of 60 entities whose migrations are written: the initial one, and one adding a field. */
    private Path project() throws Exception {
        Files.writeString(dir.resolve("keel.json"), """
                {"apps": [{"label": "shop", "package": "com.acme.shop"}]}
                """);
        Path model = Files.createDirectories(dir.resolve("src/main/java/com/acme/shop"));
        for (int i = 0; i < 60; i++) {
            Files.writeString(model.resolve("Item" + i + ".java"), entity(i, ""));
        }
        KeelRun first = KeelRun.runAsMain("-C", dir.toString(), "makemigrations");
        assertEquals(0, first.exit(), first.toString());
        Files.writeString(model.resolve("Item0.java"), entity(0, "    private Integer size;\n"));
        KeelRun second = KeelRun.runAsMain("-C", dir.toString(), "makemigrations");
        assertEquals(0, second.exit(), second.toString());
        return dir;
    }

    private static String entity(int n, String more) {
        return "package com.acme.shop;\n\nimport jakarta.persistence.*;\n\n@Entity\npublic class Item" + n + " {\n"
                + "    @Id\n    private Long id;\n    private String name;\n" + more + "}\n";
    }

    private static KeelRun migrate(Path project, TestDatabase db) {
        return KeelRun.runAsMain("-C", project.toString(), "-v", "3", "migrate", "--url", SampleProject.url(db));
    }

    private static List<String> recorded(TestDatabase db) throws Exception {
        var out = new ArrayList<String>();
        try (var c = db.connect(); var st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT name || ' ' || checksum FROM keel_migrations ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** What a run printed, without its database's URL and its durations. */
    private static String report(KeelRun run) {
        return run.out().replaceAll("jdbc:\\S+", "URL").replaceAll("\\d+", "#");
    }

    private static long tables(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'item%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theNextRunOntoAnEmptyDatabaseSendsTheFirstMigrationAsItConnects() throws Exception {
        Path project = project();
        Path kept = project.resolve(".keel/cache").resolve(FirstSentStore.FILE);
        try (TestDatabase a = TestPostgres.freshDatabase(); TestDatabase b = TestPostgres.freshDatabase();
             TestDatabase c = TestPostgres.freshDatabase()) {
            KeelRun first = migrate(project, a);
            assertEquals(0, first.exit(), first.toString());
            assertTrue(first.err().contains(EARLY), "the first migration was sent early: " + first.err());
            assertTrue(Files.isRegularFile(kept), "and kept");

            KeelRun second = migrate(project, b);
            assertEquals(0, second.exit(), second.toString());
            assertTrue(second.err().contains(AHEAD), "sent as keel connected: " + second.err());
            assertEquals(recorded(a), recorded(b));
            assertEquals(60, tables(b));
            assertEquals(report(first), report(second), "reported the same");

            // the migration's file edited (a comment: the same migration): the kept one is not for it any more
            Path initial;
            try (var files = Files.list(project.resolve("src/main/java/com/acme/shop/migrations"))) {
                initial = files.filter(f -> f.getFileName().toString().startsWith("M0001")).findFirst().orElseThrow();
            }
            Files.writeString(initial, Files.readString(initial) + "\n// reviewed\n");
            KeelRun third = migrate(project, c);
            assertEquals(0, third.exit(), third.toString());
            assertFalse(third.err().contains(AHEAD), third.err());
            assertTrue(third.err().contains(EARLY), third.err());
            assertEquals(recorded(a), recorded(c));
        }
    }

    @Test
    void theKeptFileIsForOneConfigurationOneDatabaseAndTheMigrationFileItWasSentFrom() throws Exception {
        Files.writeString(dir.resolve("keel.json"), "{\"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\"}]}\n");
        Path origin = Files.writeString(dir.resolve("M0001_initial.java"), "class M0001_initial {}\n");
        FirstSent sent = new FirstSent("history", "shop", "0001_initial", origin.toString(), Duration.ofSeconds(2),
                null, List.of("BEGIN", "CREATE TABLE t (id bigint)", "INSERT ..."));
        ProjectCache cache = FirstSentStore.cache(dir, null);
        FirstSentStore.write(cache, "default", sent);
        assertEquals(Optional.of(sent), FirstSentStore.read(cache, "default"));
        assertEquals(Optional.empty(), FirstSentStore.read(cache, "reporting"), "another database");

        Path file = dir.resolve(".keel/cache").resolve(FirstSentStore.FILE);
        long written = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);
        FirstSentStore.write(cache, "default", sent);
        assertEquals(written, Files.getLastModifiedTime(file).toMillis(), "the same kept again: not written");

        Files.writeString(dir.resolve("keel.json"), "{\"sourceRoots\": [\"src\"], \"apps\": [{\"label\": \"shop\","
                + " \"package\": \"com.acme.shop\"}]}\n");
        assertEquals(Optional.empty(), FirstSentStore.read(FirstSentStore.cache(dir, null), "default"),
                "another configuration");
        Files.writeString(dir.resolve("keel.json"), "{\"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\"}]}\n");
        assertEquals(Optional.of(sent), FirstSentStore.read(FirstSentStore.cache(dir, null), "default"));

        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertEquals(Optional.empty(), FirstSentStore.read(cache, "default"), "cut short");
        Files.write(file, whole);
        Files.writeString(origin, "class M0001_initial { }\n");
        assertEquals(Optional.empty(), FirstSentStore.read(cache, "default"), "the migration's file changed");
        Files.delete(origin);
        assertEquals(Optional.empty(), FirstSentStore.read(cache, "default"), "the migration's file gone");
    }
}
