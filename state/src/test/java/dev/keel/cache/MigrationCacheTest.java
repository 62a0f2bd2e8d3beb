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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache of read migrations and of the replayed state: same results as without it, whatever happens to it. */
class MigrationCacheTest {
    @TempDir
    Path project;

    private static void assertSameSpecs(List<MigrationSpec> expected, List<MigrationSpec> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).sameDefinition(actual.get(i)), expected.get(i) + "\n" + actual.get(i));
            assertEquals(expected.get(i).origin(), actual.get(i).origin());
            assertEquals(expected.get(i).operations(), actual.get(i).operations());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blog", "shop", "library"})
    void cachedMigrationsAreTheMigrationsReadFromSource(String sample) {
        SampleProjects.copy(sample, project);
        KeelConfig config = KeelConfig.read(project);
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectCache cache = ProjectCache.of(project, config);

        ProjectMigrations.Sources first = ProjectMigrations.readSources(config, project, cache);
        ProjectMigrations.Sources second = ProjectMigrations.readSources(config, project, cache);

        assertSameSpecs(fresh, first.specs());
        assertSameSpecs(fresh, second.specs());
        assertTrue(second.specs().stream().allMatch(s -> s.operations() instanceof DeferredOperations));
        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(StateSnapshot.toJson(MigrationGraph.of(fresh).latestState()),
                StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(second.specs()), second, cache)));
    }

    @Test
    void aChangedFileIsReadAgainAndChangesTheFingerprint() throws IOException {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources before = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.latestState(MigrationGraph.of(before.specs()), before, cache);
        Path file = latestFile(config);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("operations(", "operations(\n                runSql(\"select 1\", \"select 2\"),"));

        ProjectMigrations.Sources after = ProjectMigrations.readSources(config, project, cache);

        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertSameSpecs(ProjectMigrations.readSources(config, project), after.specs());
        MigrationSpec changed = after.specs().stream().filter(s -> s.origin().equals(file.toString())).findFirst().orElseThrow();
        assertEquals(new dev.keel.operations.RunSql("select 1", "select 2"), changed.operations().get(0));
    }

    @Test
    void aDamagedCacheIsIgnoredAndRebuilt() throws IOException {
        SampleProjects.copy("shop", project);
        KeelConfig config = KeelConfig.read(project);
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources first = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.latestState(MigrationGraph.of(first.specs()), first, cache);
        Path folder = project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }

        ProjectMigrations.Sources again = ProjectMigrations.readSources(config, project, cache);

        assertSameSpecs(fresh, again.specs());
        assertEquals(StateSnapshot.toJson(MigrationGraph.of(fresh).latestState()),
                StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(again.specs()), again, cache)));
        assertTrue(ProjectMigrations.readSources(config, project, cache).specs().stream()
                .allMatch(s -> s.operations() instanceof DeferredOperations), "rebuilt");
    }

    @Test
    void aStateStoredUnderAnotherFingerprintIsNotUsed() {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        cache.write(ReplayCache.NAME, "another fingerprint", dev.keel.project.ProjectState.EMPTY);

        assertEquals(MigrationGraph.of(sources.specs()).latestState(),
                ReplayCache.latestState(MigrationGraph.of(sources.specs()), sources, cache));
    }

    @Test
    void operationsOfEverySampleSurviveTheirJson() {
        for (String sample : List.of("blog", "shop", "library")) {
            for (MigrationSpec spec : ProjectMigrations.readSources(KeelConfig.read(SampleProjects.folder(sample)),
                    SampleProjects.folder(sample))) {
                List<dev.keel.operations.Operation> decoded = ProjectCache.decode(ProjectCache.encode(spec.operations()));
                assertEquals(spec.operations(), decoded, spec.key().toString());
                decoded.forEach(op -> assertInstanceOf(op.getClass(), op));
            }
        }
    }

    private Path latestFile(KeelConfig config) {
        List<Path> files = ProjectMigrations.migrationFiles(config, project, config.apps().get(0));
        return files.get(files.size() - 1);
    }
}
