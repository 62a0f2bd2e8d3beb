package dev.keel.make;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.load.ProjectMigrations;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.ScanCache;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: after each kind of change to the migration files, {@code makemigrations --check} through a warm cache (the
 * migrations read before, the replayed state, the last passed check) says what it says without any cache. Each case
 * changes the verdict, so a cache that answered from before the change fails it.
 */
class MigrationCacheVerdictTest {
    @TempDir
    Path project;

    private KeelConfig config;
    private ProjectCache cache;
    private Path migrations;

    private final EntitySource scanner = new EntitySource() {
        @Override
        public ScannedProject scan(KeelConfig c, Path dir) {
            EntityScanner.Scan scan = ScanCache.scanWithHints(dir, c, cache);
            return new ScannedProject(scan.state(), scan.hints());
        }

        @Override
        public Optional<String> fingerprint(KeelConfig c, Path dir) {
            return Optional.of(ScanCache.fingerprint(dir, c, cache));
        }
    };

    @BeforeEach
    void warmCache() {
        SampleProjects.copy("blog", project);
        config = KeelConfig.read(project);
        cache = ProjectCache.of(project, config, EntityScanner.class, MakeMigrations.class);
        migrations = ProjectMigrations.migrationFiles(config, project, config.apps().get(0)).get(0).getParent();
        assertEquals(List.of(), checkWithCache().problems(), "the sample passes");
        assertEquals(List.of(), checkWithCache().problems(), "and passes again, from the cache");
    }

    private MakeResult checkWithCache() {
        return new MakeMigrations(scanner, new NonInteractiveQuestioner(), cache).run(config, project, MakeMigrationsTest.check());
    }

    private MakeResult checkWithoutCache() {
        EntitySource plain = new EntitySource() {
            @Override
            public ScannedProject scan(KeelConfig c, Path dir) {
                EntityScanner.Scan scan = EntityScanner.scanWithHints(dir, c);
                return new ScannedProject(scan.state(), scan.hints());
            }

            @Override
            public Optional<String> fingerprint(KeelConfig c, Path dir) {
                return Optional.empty();
            }
        };
        return new MakeMigrations(plain, new NonInteractiveQuestioner(), ProjectCache.NONE).run(config, project, MakeMigrationsTest.check());
    }

    /** The verdict with cache (twice: the second from what the first stored) is the one without, and it failed. */
    private void assertSameVerdictAsWithoutCache() {
        MakeResult cold = checkWithoutCache();
        assertFalse(cold.problems().isEmpty(), "the change changes the verdict");
        assertEquals(cold.problems(), checkWithCache().problems());
        assertEquals(cold.problems(), checkWithCache().problems());
        assertEquals(describe(cold), describe(checkWithCache()));
    }

    private static List<String> describe(MakeResult result) {
        return result.migrations().stream().map(m -> m.spec().key() + " " + m.spec().operations().stream().map(o -> o.describe()).toList()).toList();
    }

    private static String migration(String className, List<String> dependencies, String body) {
        var deps = new StringBuilder();
        dependencies.forEach(d -> deps.append("dependsOn(\"blog\", \"").append(d).append("\");\n        "));
        return """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class %s extends Migration {
                    @Override
                    protected void define() {
                        %s%s
                    }
                }
                """.formatted(className, deps, body);
    }

    private static final String ADD_PROBE = "operations(addField(\"post\", \"probe\", column(\"probe\", \"integer\").nullable()));";

    @Test
    void aMigrationAddedOnTheLeaf() throws IOException {
        Files.writeString(migrations.resolve("M0005_add_post_probe.java"),
                migration("M0005_add_post_probe", List.of("0004_fill_post_slug"), ADD_PROBE));
        assertSameVerdictAsWithoutCache();
        assertTrue(checkWithCache().problems().stream().anyMatch(p -> p.contains("probe")), checkWithCache().problems().toString());
    }

    /** Two leaves: the check says a merge is needed, exactly as without cache. */
    @Test
    void aMigrationAddedOnABranch() throws IOException {
        Files.writeString(migrations.resolve("M0004_add_post_probe.java"),
                migration("M0004_add_post_probe", List.of("0003_idx_post_created_at"), ADD_PROBE));
        assertSameVerdictAsWithoutCache();
        assertTrue(checkWithCache().problems().stream().anyMatch(p -> p.contains("2 latest migrations")), checkWithCache().problems().toString());
    }

    /**
     * A forked history ends the check before the entities are compared: the scan that started beside the reading of
     * the migrations has ended too when the check returns (it reads the sources and may store into .keel/cache; left
     * running, it raced the removal of the project's folder).
     */
    @Test
    void aForkedHistoryLetsTheEntityScanEndBeforeTheCheckReturns() throws IOException {
        Files.writeString(migrations.resolve("M0004_add_post_probe.java"),
                migration("M0004_add_post_probe", List.of("0003_idx_post_created_at"), ADD_PROBE));
        var scanning = new java.util.concurrent.atomic.AtomicBoolean();
        EntitySource slow = new EntitySource() {
            @Override
            public ScannedProject scan(KeelConfig c, Path dir) {
                scanning.set(true);
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ScannedProject scanned = scanner.scan(c, dir);
                scanning.set(false);
                return scanned;
            }

            @Override
            public Optional<String> fingerprint(KeelConfig c, Path dir) {
                return Optional.empty();
            }
        };
        MakeResult result = new MakeMigrations(slow, new NonInteractiveQuestioner(), ProjectCache.NONE)
                .run(config, project, MakeMigrationsTest.check());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("2 latest migrations")), result.problems().toString());
        assertFalse(scanning.get(), "the entity scan still ran when the check returned");
    }

    @Test
    void aMigrationEdited() throws IOException {
        Path leaf = migrations.resolve("M0002_add_post_slug.java");
        Files.writeString(leaf, Files.readString(leaf).replace("\"varchar(200)\"", "\"varchar(321)\""));
        assertSameVerdictAsWithoutCache();
    }

    @Test
    void aMigrationDeleted() throws IOException {
        Files.delete(migrations.resolve("M0004_fill_post_slug.java"));
        assertSameVerdictAsWithoutCache(); // the lockfile names it
    }

    @Test
    void aMigrationRenamed() throws IOException {
        Path leaf = migrations.resolve("M0004_fill_post_slug.java");
        String text = Files.readString(leaf);
        Files.delete(leaf);
        Files.writeString(migrations.resolve("M0004_fill_slugs.java"), text.replace("M0004_fill_post_slug", "M0004_fill_slugs"));
        assertSameVerdictAsWithoutCache();
        assertTrue(checkWithCache().problems().stream().anyMatch(p -> p.contains("0004_fill_slugs")), checkWithCache().problems().toString());
    }

    /** A squash of 0001 and 0002 that forgets 0002's column: the state differs, and the check says so as without cache. */
    @Test
    void aSquashAdded() throws IOException {
        String first = Files.readString(migrations.resolve("M0001_initial.java"));
        String firstOps = first.substring(first.indexOf("operations("), first.lastIndexOf(");") + 2);
        Files.writeString(migrations.resolve("M0001_squashed_0002.java"), migration("M0001_squashed_0002", List.of(),
                "initial();\n        replaces(\"blog\", \"0001_initial\");\n        replaces(\"blog\", \"0002_add_post_slug\");\n        " + firstOps));
        assertSameVerdictAsWithoutCache();
        assertNotEquals(List.of(), checkWithCache().migrations(), "the slug is missing from the squashed history");
    }
}
