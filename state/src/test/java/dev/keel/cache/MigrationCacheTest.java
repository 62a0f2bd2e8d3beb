package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.DeferredOperations;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
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
    void aMigrationEditedWithoutChangingItsSizeOrModificationTimeIsReadAgain() throws IOException, InterruptedException {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        FileHashes.forgetAll();
        FileHashes.racyMillis = 100;
        try {
            Thread.sleep(250); // the copied files settle: their metadata vouches for their hashes from now on
            ProjectMigrations.Sources before = ProjectMigrations.readSources(config, project, cache);
            ReplayCache.latestState(MigrationGraph.of(before.specs()), before, cache);
            assertEquals(before.fingerprint(), ProjectMigrations.fingerprint(config, project, cache));
            Path file = latestFile(config);
            String text = Files.readString(file);
            String edited = text.replaceFirst("\"([a-z_]+)\"", "\"$1x\"").replaceFirst("\n\n", "\n");
            assertEquals(text.length(), edited.length(), "the edit keeps the size");
            var modified = Files.getLastModifiedTime(file);
            Files.writeString(file, edited);
            Files.setLastModifiedTime(file, modified);

            ProjectMigrations.Sources after = ProjectMigrations.readSources(config, project, cache);

            assertNotEquals(before.fingerprint(), after.fingerprint());
            assertEquals(after.fingerprint(), ProjectMigrations.fingerprint(config, project, cache));
            assertSameSpecs(ProjectMigrations.readSources(config, project), after.specs());
        } finally {
            FileHashes.racyMillis = 2_000;
            FileHashes.forgetAll();
        }
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
    void operationsOfAnotherWriteBesideTheDocumentAreNotUsed() throws IOException {
        SampleProjects.copy("shop", project);
        KeelConfig config = KeelConfig.read(project);
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.readSources(config, project, cache);
        Path side = project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER).resolve("migrations.operations");
        byte[] bytes = Files.readAllBytes(side);
        // same length, other content: a second keel wrote its side file between this one's two writes, or a damaged disk
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String swapped = text.replaceFirst("\"NOT NULL\"|\"notNull\":true", text.contains("\"notNull\":true") ? "\"notNull\":tru0" : "x");
        assertNotEquals(text, swapped);
        Files.writeString(side, swapped);

        ProjectMigrations.Sources again = ProjectMigrations.readSources(config, project, cache);

        assertSameSpecs(fresh, again.specs());
        assertSameSpecs(fresh, ProjectMigrations.readSources(config, project, cache).specs());
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

    /** The issue 19 case: one migration added to a replayed history replays that one, and the state is the full replay's. */
    @ParameterizedTest
    @ValueSource(strings = {"blog", "shop", "library"})
    void anAddedMigrationIsReplayedAloneOntoTheStoredState(String sample) throws IOException {
        SampleProjects.copy(sample, project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources before = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.Replay first = ReplayCache.replay(MigrationGraph.of(before.specs()), before, cache);
        assertEquals(before.specs().size(), first.replayed(), "a cold cache replays every migration");
        assertEquals(0, ReplayCache.replay(MigrationGraph.of(before.specs()), before, cache).replayed(), "unchanged: none");

        var app = config.apps().get(0);
        MigrationSpec leaf = MigrationGraph.of(before.specs()).migrations(app.label()).stream()
                .reduce((a, b) -> b).orElseThrow();
        String table = MigrationGraph.of(before.specs()).latestState().tables(app.label()).get(0).model();
        Path dir = ProjectMigrations.migrationFiles(config, project, app).get(0).getParent();
        Files.writeString(dir.resolve("M0999_cache_probe.java"), """
                package %s;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0999_cache_probe extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("%s", "%s");
                        operations(addField("%s", "cache_probe", column("cache_probe", "integer").nullable()));
                    }
                }
                """.formatted(app.migrationsPackage(), app.label(), leaf.key().name(), table));

        ProjectMigrations.Sources after = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.Replay added = ReplayCache.replay(MigrationGraph.of(after.specs()), after, cache);

        // In replay order (dependencies first, then by key) the new leaf comes last in a one-app project; in
        // a project of several apps it may come before another app's migrations: then nothing stored is a
        // prefix of the replay, and everything is replayed.
        List<MigrationSpec> order = MigrationGraph.of(after.specs()).migrations();
        boolean last = order.get(order.size() - 1).key().name().equals("0999_cache_probe");
        assertTrue(last || config.apps().size() > 1, "a one-app project's new leaf is replayed last");
        assertEquals(last ? 1 : order.size(), added.replayed(), last ? "only the added migration is replayed" : "all");
        assertEquals(StateSnapshot.toJson(MigrationGraph.of(ProjectMigrations.readSources(config, project)).latestState()),
                StateSnapshot.toJson(added.state()));
        assertTrue(StateSnapshot.toJson(added.state()).contains("cache_probe"));
    }

    /** An edited migration that was already replayed is no prefix: everything is replayed, nothing stale is kept. */
    @Test
    void anEditedEarlierMigrationReplaysEverythingAndIsSeen() throws IOException {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources before = ProjectMigrations.readSources(config, project, cache);
        ProjectState stale = ReplayCache.latestState(MigrationGraph.of(before.specs()), before, cache);
        Path second = ProjectMigrations.migrationFiles(config, project, config.apps().get(0)).get(1);
        Files.writeString(second, Files.readString(second).replace("\"varchar(200)\"", "\"varchar(321)\""));

        ProjectMigrations.Sources after = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.Replay replay = ReplayCache.replay(MigrationGraph.of(after.specs()), after, cache);

        assertEquals(after.specs().size(), replay.replayed());
        assertNotEquals(StateSnapshot.toJson(stale), StateSnapshot.toJson(replay.state()));
        assertTrue(StateSnapshot.toJson(replay.state()).contains("varchar(321)"));
        assertEquals(StateSnapshot.toJson(MigrationGraph.of(ProjectMigrations.readSources(config, project)).latestState()),
                StateSnapshot.toJson(replay.state()));
    }

    /** A removed migration: the stored steps are no longer a prefix, so the state is replayed anew. */
    @Test
    void aRemovedMigrationReplaysEverything() throws IOException {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources before = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.latestState(MigrationGraph.of(before.specs()), before, cache);
        Files.delete(latestFile(config));

        ProjectMigrations.Sources after = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.Replay replay = ReplayCache.replay(MigrationGraph.of(after.specs()), after, cache);

        assertEquals(after.specs().size(), replay.replayed());
        assertEquals(MigrationGraph.of(after.specs()).latestState(), replay.state());
    }

    private Path latestFile(KeelConfig config) {
        List<Path> files = ProjectMigrations.migrationFiles(config, project, config.apps().get(0));
        return files.get(files.size() - 1);
    }
}
