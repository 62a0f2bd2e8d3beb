package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.keel.cli.KeelRun.run;
import static dev.keel.cli.KeelRun.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures: printed as {@code error: ...} without a stack trace, exit code from their kind. */
class ErrorsTest {
    @TempDir Path dir;

    @Test
    void badKeelJsonExits2WithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("keel.json"), "{\n  \"apps\": [\n    {\"label\": \"blog\", \"pakage\": \"x\"}\n  ]\n}\n");
        KeelRun r = run(KeelRun.source(), "-C", dir.toString(), "showmigrations");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + dir.resolve("keel.json") + ":3:"), r.err());
        assertTrue(r.err().contains("\"apps[].package\" is required"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void keelJsonThatIsNotJsonExits2WithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("keel.json"), "{\n  \"apps\": [\n    {\"label\": \"blog\" \"package\": \"x\"}\n  ]\n}\n");
        KeelRun r = run(KeelRun.source(), "-C", dir.toString(), "showmigrations");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + dir.resolve("keel.json") + ":3:"), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
    }

    @Test
    void missingKeelJsonExits2() {
        KeelRun r = run(KeelRun.source(), "-C", dir.toString(), "showmigrations");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no keel.json here"), r.err());
    }

    @Test
    void graphCycleExits4WithThePathAndNoStackTrace() throws Exception {
        KeelRun.project(dir);
        MigrationSource cyclic = KeelRun.source(
                spec("blog.0001_initial", "blog.0002_add_slug"),
                spec("blog.0002_add_slug", "blog.0001_initial"));
        KeelRun r = run(cyclic, "-C", dir.toString(), "showmigrations", "--plan");
        assertEquals(4, r.exit());
        assertTrue(r.err().startsWith("error: migrations/blog.0001_initial.java: dependency cycle: "
                + "blog.0001_initial → blog.0002_add_slug → blog.0001_initial"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void everyProblemGetsItsOwnErrorLine() throws Exception {
        KeelRun.project(dir);
        MigrationSource broken = KeelRun.source(
                spec("blog.0001_initial", "blog.0000_nope"),
                spec("shop.0001_initial", "shop.0000_nope"));
        KeelRun r = run(broken, "-C", dir.toString(), "showmigrations");
        assertEquals(4, r.exit());
        assertEquals(2, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.err());
    }

    @Test
    void theStandardSourceReadsTheSampleFromSource() {
        KeelRun r = run(MigrationSource.standard(), "-C", java.nio.file.Path.of("..", "src-samples", "blog").toString(),
                "showmigrations", "--plan");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("blog.0001_initial"), r.out());
        assertTrue(r.out().indexOf("blog.0001_initial") < r.out().indexOf("blog.0002_"), r.out());
    }

    @Test
    void anUnreadableMigrationFileExits2WithFileAndLine() throws Exception {
        // one app, whose package holds only its migrations: every app of keel.json must have sources
        java.nio.file.Files.writeString(dir.resolve("keel.json"), "{\"apps\": [{\"label\": \"blog\", \"package\": \"com.acme.blog\"}]}");
        java.nio.file.Path migrations = dir.resolve("src/main/java/com/acme/blog/migrations");
        java.nio.file.Files.createDirectories(migrations);
        java.nio.file.Files.writeString(migrations.resolve("M0001_initial.java"), """
                package com.acme.blog.migrations;

                import dev.keel.migration.Migration;
                import static dev.keel.migration.Operations.*;

                public final class M0001_initial extends Migration {
                    @Override protected void define() {
                        String table = "post";
                        operations(deleteModel(table));
                    }
                }
                """);
        KeelRun r = run(MigrationSource.standard(), "-C", dir.toString(), "showmigrations");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("M0001_initial.java:8:"), r.err());
    }

    @Test
    void aBugInKeelShowsTheStackTraceAndExits70() throws Exception {
        KeelRun.project(dir);
        MigrationSource failing = (config, project) -> {
            throw new IllegalStateException("boom");
        };
        KeelRun r = run(failing, "-C", dir.toString(), "showmigrations");
        assertEquals(70, r.exit());
        assertTrue(r.err().startsWith("error: keel failed unexpectedly, which is a bug in keel: "
                + "java.lang.IllegalStateException: boom"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
