package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.DeferredOperations;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.StateSnapshot;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migrations read from source after the cache's index was written are stored after it (their operations appended to
 * the side file, a small document naming them): the index of thousands is not written again for one new file, and
 * whatever happens to what was appended, the migrations read are those read without a cache.
 */
class MigrationCacheAppendTest {
    @TempDir
    Path project;

    private KeelConfig config;
    private ProjectCache cache;

    /** The blog sample, read through a cache that then holds every migration in its index. */
    private void warmBlog() {
        SampleProjects.copy("blog", project);
        config = KeelConfig.read(project);
        cache = ProjectCache.of(project, config);
        ProjectMigrations.readSources(config, project, cache);
        assertTrue(Files.exists(cached("migrations.bin")));
        assertFalse(Files.exists(cached("migrations-added.bin")), "a first read writes the whole cache");
    }

    private Path cached(String name) {
        return project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER).resolve(name);
    }

    private Path migrationsDir() {
        List<Path> files = ProjectMigrations.migrationFiles(config, project, config.apps().get(0));
        return files.get(files.size() - 1).getParent();
    }

    private Path addMigration(int number, String dependency, String column) throws IOException {
        String name = "M%04d_add_post_%s".formatted(number, column);
        Path file = migrationsDir().resolve(name + ".java");
        Files.writeString(file, """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class %s extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "%s");
                        operations(addField("post", "%s", column("%s", "integer").nullable()));
                    }
                }
                """.formatted(name, dependency, column, column));
        return file;
    }

    /** The migrations read through the cache are those read without it, every one of them from the cache. */
    private void assertAllFromCacheAndAsWithout() {
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        assertEquals(fresh.size(), sources.specs().size());
        for (int i = 0; i < fresh.size(); i++) {
            assertTrue(fresh.get(i).sameDefinition(sources.specs().get(i)), fresh.get(i) + "\n" + sources.specs().get(i));
            assertEquals(fresh.get(i).operations(), sources.specs().get(i).operations());
            assertTrue(sources.specs().get(i).operations() instanceof DeferredOperations,
                    sources.specs().get(i).key() + " is read from the cache, not parsed again");
        }
        assertEquals(StateSnapshot.toJson(MigrationGraph.of(fresh).latestState()),
                StateSnapshot.toJson(MigrationGraph.of(sources.specs()).latestState()));
    }

    @Test
    void anAddedMigrationIsStoredAfterTheIndexWithoutWritingItAgain() throws IOException {
        warmBlog();
        byte[] index = Files.readAllBytes(cached("migrations.bin"));
        long operations = Files.size(cached("migrations.operations"));

        addMigration(5, "0004_fill_post_slug", "probe");
        ProjectMigrations.readSources(config, project, cache);

        assertArrayEquals(index, Files.readAllBytes(cached("migrations.bin")), "the index is not written again");
        assertTrue(Files.exists(cached("migrations-added.bin")));
        assertTrue(Files.size(cached("migrations.operations")) > operations, "the new operations follow the stored ones");
        assertAllFromCacheAndAsWithout();

        addMigration(6, "0005_add_post_probe", "second");
        ProjectMigrations.readSources(config, project, cache);
        assertArrayEquals(index, Files.readAllBytes(cached("migrations.bin")));
        assertAllFromCacheAndAsWithout();
    }

    @Test
    void anEditedStoredMigrationIsStoredAfterTheIndexAndReadAsEdited() throws IOException {
        warmBlog();
        byte[] index = Files.readAllBytes(cached("migrations.bin"));
        Path second = ProjectMigrations.migrationFiles(config, project, config.apps().get(0)).get(1);
        String text = Files.readString(second);
        assertTrue(text.contains("\"varchar(200)\""));
        Files.writeString(second, text.replace("\"varchar(200)\"", "\"varchar(321)\""));

        ProjectMigrations.readSources(config, project, cache);

        assertArrayEquals(index, Files.readAllBytes(cached("migrations.bin")));
        assertAllFromCacheAndAsWithout();
        assertTrue(StateSnapshot.toJson(MigrationGraph.of(ProjectMigrations.readSources(config, project, cache).specs())
                .latestState()).contains("varchar(321)"));
    }

    /** A run killed while appending leaves bytes after the end the documents name: they are never read, and cut. */
    @Test
    void bytesLeftAfterTheNamedEndByAKilledRunAreNotUsed() throws IOException {
        warmBlog();
        addMigration(5, "0004_fill_post_slug", "probe");
        ProjectMigrations.readSources(config, project, cache);
        long named = Files.size(cached("migrations.operations"));
        byte[] garbage = new byte[37];
        Arrays.fill(garbage, (byte) 0x5A);
        Files.write(cached("migrations.operations"), garbage, StandardOpenOption.APPEND);

        assertAllFromCacheAndAsWithout();

        addMigration(6, "0005_add_post_probe", "second");
        ProjectMigrations.readSources(config, project, cache);
        long now = Files.size(cached("migrations.operations"));
        assertAllFromCacheAndAsWithout();
        // the second migration's operations were written where the first one's end, over what the killed run left
        byte[] side = Files.readAllBytes(cached("migrations.operations"));
        assertTrue(now > named);
        assertFalse(new String(side, 0, side.length, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ZZZZZZZZZZ"),
                "the killed run's bytes are gone");
    }

    /** The new operations written but the document naming them not (killed between the two): those files are read again. */
    @Test
    void operationsAppendedWithoutTheirDocumentAreReadAgainFromTheFiles() throws IOException {
        warmBlog();
        addMigration(5, "0004_fill_post_slug", "probe");
        ProjectMigrations.readSources(config, project, cache);
        Files.delete(cached("migrations-added.bin"));

        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectMigrations.Sources again = ProjectMigrations.readSources(config, project, cache);
        assertEquals(fresh.size(), again.specs().size());
        for (int i = 0; i < fresh.size(); i++) {
            assertEquals(fresh.get(i).operations(), again.specs().get(i).operations());
        }
        assertAllFromCacheAndAsWithout(); // stored after the index once more by the read above
    }

    @Test
    void aDamagedDocumentOfAddedMigrationsIsNeverUsed() throws IOException {
        for (int damage = 0; damage < 4; damage++) {
            warmBlog();
            addMigration(5, "0004_fill_post_slug", "probe");
            ProjectMigrations.readSources(config, project, cache);
            Path added = cached("migrations-added.bin");
            byte[] bytes = Files.readAllBytes(added);
            byte[] operations = Files.readAllBytes(cached("migrations.operations"));
            switch (damage) {
                case 0 -> bytes[bytes.length - 3] ^= 0x20; // in the payload
                case 1 -> bytes = Arrays.copyOf(bytes, bytes.length - 7); // cut short
                case 2 -> operations[operations.length - 2] ^= 0x01; // the appended operations themselves
                default -> bytes[30] ^= 0x01; // in the header
            }
            Files.write(added, bytes);
            Files.write(cached("migrations.operations"), operations);

            List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
            ProjectMigrations.Sources again = ProjectMigrations.readSources(config, project, cache);
            for (int i = 0; i < fresh.size(); i++) {
                assertTrue(fresh.get(i).sameDefinition(again.specs().get(i)));
                assertEquals(fresh.get(i).operations(), again.specs().get(i).operations(), "damage " + damage);
            }
            assertAllFromCacheAndAsWithout();
            deleteRecursively(project);
        }
    }

    /** A removed file's migration leaves the cache with the whole cache written again, the added ones in its index. */
    @Test
    void aRemovedMigrationWritesTheWholeCacheAgain() throws IOException {
        warmBlog();
        addMigration(5, "0004_fill_post_slug", "probe");
        Path last = addMigration(6, "0005_add_post_probe", "second");
        ProjectMigrations.readSources(config, project, cache);
        assertTrue(Files.exists(cached("migrations-added.bin")));

        Files.delete(last);
        ProjectMigrations.readSources(config, project, cache);

        assertFalse(Files.exists(cached("migrations-added.bin")), "the index holds every migration again");
        assertAllFromCacheAndAsWithout();
    }

    /** Past {@code MOST_ADDED} migrations added since the index, the whole cache is written again. */
    @Test
    void manyAddedMigrationsWriteTheWholeCacheAgain() throws IOException {
        warmBlog();
        String before = "0004_fill_post_slug";
        for (int n = 5; n < 5 + 201; n++) {
            addMigration(n, before, "c" + n);
            before = "%04d_add_post_c%d".formatted(n, n);
        }
        ProjectMigrations.readSources(config, project, cache);

        assertFalse(Files.exists(cached("migrations-added.bin")));
        assertAllFromCacheAndAsWithout();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(dir)) {
                    Files.delete(f);
                }
            }
        }
    }
}
