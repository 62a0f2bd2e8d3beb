package dev.keel.load;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.migration.DeferredOperations;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.keel.migration.Operations.deleteModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache of read migrations as an earlier keel wrote it (the operations as JSON in the side file, a document without
 * {@link ProjectMigrations#OPERATIONS_CODEC}) under this cache's key: it is not used, the migrations are read from their
 * files, and the cache is written again in the current layout.
 */
class EarlierMigrationCacheTest {
    @TempDir
    Path project;

    @Test
    void aCacheWithJsonOperationsIsReadFromTheFilesAgainAndRewritten() {
        SampleProjects.copy("shop", project);
        KeelConfig config = KeelConfig.read(project);
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.readSources(config, project, cache);
        ProjectMigrations.CachedFiles current = cache.readCompact(ProjectMigrations.CACHE, cache.salt(),
                ProjectMigrations.CachedFiles::read).orElseThrow();

        // what the earlier keel wrote for these files, each migration's operations as JSON; a wrong one for the first, so
        // that using the document would show
        var side = new ByteArrayOutputStream();
        var files = new ArrayList<ProjectMigrations.CachedFile>();
        for (ProjectMigrations.CachedFile f : current.files()) {
            MigrationSpec spec = fresh.stream().filter(s -> s.key().equals(f.key())).findFirst().orElseThrow();
            List<Operation> ops = files.isEmpty() ? List.of(deleteModel("not_in_the_file")) : spec.operations();
            int at = side.size();
            side.writeBytes(ProjectCache.encode(ops).getBytes(StandardCharsets.UTF_8));
            files.add(new ProjectMigrations.CachedFile(f.file(), f.hash(), f.app(), f.migrationsPackage(), f.key(),
                    f.dependencies(), at, side.size() - at, f.atomic(), f.postDeployment(), f.initial(), f.replaces()));
        }
        byte[] json = side.toByteArray();
        assertTrue(cache.writeSide(ProjectMigrations.OPERATIONS, json));
        cache.writeCompact(ProjectMigrations.CACHE, cache.salt(), w -> {
            w.list(files, (out, f) -> f.write(out));
            w.number(json.length);
            w.number(ProjectCache.checksum(json, 0, json.length));
        });
        assertEquals(Optional.empty(), cache.readCompact(ProjectMigrations.CACHE, cache.salt(), ProjectMigrations.CachedFiles::read));

        List<MigrationSpec> again = ProjectMigrations.readSources(config, project, cache).specs();
        assertSame(fresh, again);
        assertFalse(again.stream().anyMatch(s -> s.operations() instanceof DeferredOperations), "read from the files");

        List<MigrationSpec> third = ProjectMigrations.readSources(config, project, cache).specs();
        assertSame(fresh, third);
        assertTrue(third.stream().allMatch(s -> s.operations() instanceof DeferredOperations), "from the cache written again");
    }

    private static void assertSame(List<MigrationSpec> expected, List<MigrationSpec> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).sameDefinition(actual.get(i)), expected.get(i) + "\n" + actual.get(i));
            assertEquals(expected.get(i).operations(), actual.get(i).operations());
        }
    }
}
