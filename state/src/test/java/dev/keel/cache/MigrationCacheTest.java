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
        byte[] swapped = bytes.clone();
        swapped[bytes.length / 2] ^= 0x01;
        assertNotEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(swapped));
        Files.write(side, swapped);

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
        cache.writeCompact(ReplayCache.NAME, "another fingerprint",
                new ReplayCache.Stored(dev.keel.project.ProjectState.EMPTY, List.of())::write);

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

    // ---- issue 19: every kind of change to the migration files gives what a run without cache gives ------------

    /** The migrations, graph (leaves, conflicts, order) and latest state through {@code cache}, and without cache. */
    private void assertSameAsWithoutCache(KeelConfig config, ProjectCache cache) {
        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        ProjectMigrations.Sources cached = ProjectMigrations.readSources(config, project, cache);
        assertSameSpecs(fresh, cached.specs());
        MigrationGraph cold = MigrationGraph.of(fresh);
        MigrationGraph warm = MigrationGraph.of(cached.specs());
        assertEquals(cold.leaves(), warm.leaves());
        assertEquals(cold.conflicts(), warm.conflicts());
        assertEquals(cold.migrations().stream().map(MigrationSpec::key).toList(), warm.migrations().stream().map(MigrationSpec::key).toList());
        if (cold.conflicts().isEmpty()) {
            assertEquals(StateSnapshot.toJson(cold.latestState()), StateSnapshot.toJson(ReplayCache.latestState(warm, cached, cache)));
            // and once more, now from what this run stored
            ProjectMigrations.Sources again = ProjectMigrations.readSources(config, project, cache);
            ReplayCache.Replay replay = ReplayCache.replay(MigrationGraph.of(again.specs()), again, cache);
            assertEquals(0, replay.replayed());
            assertEquals(StateSnapshot.toJson(cold.latestState()), StateSnapshot.toJson(replay.state()));
        }
    }

    /** The blog sample, read and replayed through a cache, which then holds every migration and the latest state. */
    private ProjectCache warmBlog() {
        SampleProjects.copy("blog", project);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        ReplayCache.replay(MigrationGraph.of(sources.specs()), sources, cache);
        return cache;
    }

    private Path migrationsDir(KeelConfig config) {
        return latestFile(config).getParent();
    }

    private static String migration(String className, String dependency, String body) {
        return """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class %s extends Migration {
                    @Override
                    protected void define() {
                        %s
                        %s
                    }
                }
                """.formatted(className, dependency == null ? "" : "dependsOn(\"blog\", \"" + dependency + "\");", body);
    }

    @Test
    void aMigrationAddedOnTheLeafIsReadAndReplayed() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        Files.writeString(migrationsDir(config).resolve("M0005_add_post_probe.java"), migration("M0005_add_post_probe",
                "0004_fill_post_slug", "operations(addField(\"post\", \"probe\", column(\"probe\", \"integer\").nullable()));"));

        assertSameAsWithoutCache(config, cache);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        assertTrue(StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(sources.specs()), sources, cache)).contains("probe"));
    }

    /** A migration added beside the leaf (another branch's): two leaves, as without cache; the merge joins them. */
    @Test
    void aMigrationAddedOnABranchMakesTwoLeavesAsWithoutCache() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        Files.writeString(migrationsDir(config).resolve("M0004_add_post_branch.java"), migration("M0004_add_post_branch",
                "0003_idx_post_created_at", "operations(addField(\"post\", \"branch\", column(\"branch\", \"integer\").nullable()));"));

        assertSameAsWithoutCache(config, cache);
        MigrationGraph graph = MigrationGraph.of(ProjectMigrations.readSources(config, project, cache).specs());
        assertEquals(List.of("0004_add_post_branch", "0004_fill_post_slug"),
                graph.conflicts().get("blog").stream().map(k -> k.name()).toList());

        Files.writeString(migrationsDir(config).resolve("M0005_merge.java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                public final class M0005_merge extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0004_add_post_branch");
                        dependsOn("blog", "0004_fill_post_slug");
                    }
                }
                """);
        assertSameAsWithoutCache(config, cache);
        ProjectMigrations.Sources merged = ProjectMigrations.readSources(config, project, cache);
        assertTrue(MigrationGraph.of(merged.specs()).conflicts().isEmpty());
        assertTrue(StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(merged.specs()), merged, cache)).contains("branch"));
    }

    @Test
    void aMigrationEditedOnTheLeafIsReadAndReplayedAgain() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        Path leaf = latestFile(config);
        Files.writeString(leaf, Files.readString(leaf).replace("operations(", "operations(\n                addField(\"post\", \"edited\", column(\"edited\", \"integer\").nullable()),"));

        assertSameAsWithoutCache(config, cache);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        assertTrue(StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(sources.specs()), sources, cache)).contains("edited"));
    }

    @Test
    void aDeletedLeafIsGoneFromTheGraphAndTheState() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        Path second = ProjectMigrations.migrationFiles(config, project, config.apps().get(0)).get(1);
        // 0002 adds the slug; without it (and what depends on it) the slug is gone
        for (Path f : ProjectMigrations.migrationFiles(config, project, config.apps().get(0))) {
            if (f.getFileName().toString().compareTo(second.getFileName().toString()) >= 0) {
                Files.delete(f);
            }
        }

        assertSameAsWithoutCache(config, cache);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        assertEquals(1, sources.specs().size());
        assertTrue(!StateSnapshot.toJson(ReplayCache.latestState(MigrationGraph.of(sources.specs()), sources, cache)).contains("\"slug\""));
    }

    /** A file renamed (and its class): a new key, the old one gone, and what depended on it follows the new name. */
    @Test
    void aRenamedMigrationHasItsNewName() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        Path leaf = latestFile(config);
        String text = Files.readString(leaf);
        String oldClass = leaf.getFileName().toString().replace(".java", "");
        Files.delete(leaf);
        Files.writeString(leaf.resolveSibling("M0004_renamed.java"), text.replace(oldClass, "M0004_renamed"));

        assertSameAsWithoutCache(config, cache);
        List<String> names = ProjectMigrations.readSources(config, project, cache).specs().stream().map(MigrationSpec::name).toList();
        assertTrue(names.contains("0004_renamed") && !names.contains(oldClass.substring(1)), names.toString());
    }

    /** A squash of the first migrations added: the graph uses it in their place, as without cache. */
    @Test
    void aSquashAddedTakesThePlaceOfWhatItReplaces() throws IOException {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        List<Path> files = ProjectMigrations.migrationFiles(config, project, config.apps().get(0));
        String first = Files.readString(files.get(0));
        String second = Files.readString(files.get(1));
        String firstOps = first.substring(first.indexOf("operations("), first.lastIndexOf(");") + 2);
        String secondOps = second.substring(second.indexOf("operations("), second.lastIndexOf(");") + 2);
        String body = "initial();\n replaces(\"blog\", \"0001_initial\");\n replaces(\"blog\", \"0002_add_post_slug\");\n"
                + firstOps + "\n" + secondOps;
        Files.writeString(files.get(0).resolveSibling("M0001_squashed_0002.java"), migration("M0001_squashed_0002", null, body));

        List<MigrationSpec> fresh = ProjectMigrations.readSources(config, project);
        assertTrue(fresh.stream().anyMatch(s -> !s.replaces().isEmpty()), "the squash reads");
        assertSameAsWithoutCache(config, cache);
        assertTrue(MigrationGraph.of(ProjectMigrations.readSources(config, project, cache).specs()).contains(
                new dev.keel.migration.MigrationKey("blog", "0001_squashed_0002")));
    }

    /** Damage to either compact document (a byte changed, the end cut off, another document's bytes): never used. */
    @Test
    void aDamagedCompactDocumentIsNeverUsed() throws IOException {
        for (String document : List.of("state.bin", "migrations.bin")) {
            for (int damage = 0; damage < 4; damage++) {
                ProjectCache cache = warmBlog();
                KeelConfig config = KeelConfig.read(project);
                Path file = project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER).resolve(document);
                byte[] bytes = Files.readAllBytes(file);
                // the next run must not take the stored values: an added migration would show whether it did
                Files.writeString(migrationsDir(config).resolve("M0005_add_post_probe.java"), migration("M0005_add_post_probe",
                        "0004_fill_post_slug", "operations(addField(\"post\", \"probe\", column(\"probe\", \"integer\").nullable()));"));
                switch (damage) {
                    case 0 -> bytes[bytes.length - 3] ^= 0x20; // in the payload
                    case 1 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length - 7); // cut short
                    case 2 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length + 3); // more than was written
                    default -> bytes[30] ^= 0x01; // in the header
                }
                Files.write(file, bytes);

                assertSameAsWithoutCache(config, cache);
                deleteRecursively(project);
            }
        }
    }

    /** The state stored for other migrations, under the right key: its steps do not match, it is not used. */
    @Test
    void aStateStoredForOtherMigrationsIsNotUsed() {
        ProjectCache cache = warmBlog();
        KeelConfig config = KeelConfig.read(project);
        ProjectMigrations.Sources sources = ProjectMigrations.readSources(config, project, cache);
        MigrationGraph graph = MigrationGraph.of(sources.specs());
        List<MigrationSpec> order = graph.migrations();
        // the state after the first migration, stored as if it were the state after all of them but with one other step
        var steps = new java.util.ArrayList<String>();
        order.forEach(s -> steps.add(s.app() + '\0' + s.name() + '\0' + sources.origins().get(s.key())));
        steps.set(steps.size() - 1, steps.get(steps.size() - 1) + "x");
        cache.writeCompact(ReplayCache.NAME, cache.salt(),
                new ReplayCache.Stored(MigrationGraph.replay(ProjectState.EMPTY, order.subList(0, 1)), steps)::write);

        ReplayCache.Replay replay = ReplayCache.replay(graph, sources, cache);
        assertEquals(order.size(), replay.replayed());
        assertEquals(graph.latestState(), replay.state());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(dir)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The index of read migrations is written field by field: a component added to its records fails here until it is. */
    @Test
    void theIndexWritesEveryComponentOfItsRecords() throws ClassNotFoundException {
        assertEquals("file hash app migrationsPackage key dependencies operationsAt operationsLength atomic postDeployment initial replaces",
                components("dev.keel.load.ProjectMigrations$CachedFile"), "write and read it in CachedFile.write/read");
        assertEquals("files operationsLength operationsChecksum", components("dev.keel.load.ProjectMigrations$CachedFiles"));
        assertEquals("key dependencies operations atomic postDeployment initial replaces origin",
                components(MigrationSpec.class.getName()), "a migration's new component: keep it in CachedFile");
    }

    private static String components(String type) throws ClassNotFoundException {
        return String.join(" ", java.util.Arrays.stream(Class.forName(type).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList());
    }

    private Path latestFile(KeelConfig config) {
        List<Path> files = ProjectMigrations.migrationFiles(config, project, config.apps().get(0));
        return files.get(files.size() - 1);
    }
}
