package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.emit.Lockfile;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * makemigrations end to end on a copy of the blog sample, with the entities' state given in code
 * (the scanner has its own tests): what is written, what is read back, the lockfile, --check, --merge.
 */
class MakeMigrationsTest {
    @TempDir Path dir;
    KeelConfig config;
    Path migrations;

    @BeforeEach
    void copySample() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        config = KeelConfig.read(dir);
        migrations = config.migrationsDir(dir, config.requireApp("blog"));
    }

    ProjectState latest() {
        return MigrationGraph.of(ProjectMigrations.readSources(config, dir)).latestState();
    }

    /** Entities = the migrations' state changed by {@code change}. */
    EntitySource entities(UnaryOperator<ProjectState> change) {
        return (c, d) -> new ScannedProject(change.apply(latest()), DiffHints.NONE);
    }

    MakeResult make(UnaryOperator<ProjectState> change, MakeOptions options) {
        return new MakeMigrations(entities(change), new NonInteractiveQuestioner()).run(config, dir, options);
    }

    static MakeOptions check() {
        return new MakeOptions(List.of(), true, false, false, false, null, false, SafetyOptions.DEFAULT);
    }

    static UnaryOperator<ProjectState> addSubtitle() {
        return s -> s.updateTable("blog", "post", t -> t.field("subtitle", column("subtitle", "varchar(120)").nullable()));
    }

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(migrations)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void nothingChangedWritesNothingAndTheCheckPasses() throws IOException {
        List<String> before = files();
        MakeResult result = make(s -> s, MakeOptions.defaults());
        assertTrue(result.migrations().isEmpty());
        assertEquals(before, files());
        assertEquals(List.of(), make(s -> s, check()).problems());
    }

    @Test
    void aNewFieldIsWrittenReadBackAndLocked() throws IOException {
        ProjectState entities = addSubtitle().apply(latest());
        MakeResult result = make(s -> entities, MakeOptions.defaults());
        assertEquals(1, result.migrations().size());
        NewMigration m = result.migrations().get(0);
        assertEquals("0005_add_post_subtitle", m.spec().name());
        assertEquals(List.of("blog.0004_fill_post_slug"), m.spec().dependencies().stream().map(Object::toString).toList());
        assertTrue(Files.exists(migrations.resolve("M0005_add_post_subtitle.java")));
        assertEquals("0005_add_post_subtitle", Lockfile.read(dir).latest().get("blog"));
        assertTrue(make(s -> entities, MakeOptions.defaults()).migrations().isEmpty(), "a second run finds nothing");
        assertEquals(List.of(), make(s -> entities, check()).problems());
    }

    @Test
    void checkReportsAMissingMigrationAndWritesNothing() throws IOException {
        List<String> before = files();
        MakeResult result = make(addSubtitle(), check());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).contains("a migration is missing"), result.problems().get(0));
        assertEquals(before, files());
    }

    @Test
    void checkReportsAStaleLockfile() throws IOException {
        Files.writeString(dir.resolve(Lockfile.FILE_NAME), "blog: 0003_idx_post_created_at\n");
        List<String> problems = make(s -> s, check()).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("0004_fill_post_slug"), problems.get(0));
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        List<String> before = files();
        var options = new MakeOptions(List.of(), false, true, false, false, null, false, SafetyOptions.DEFAULT);
        assertEquals(1, make(addSubtitle(), options).migrations().size());
        assertEquals(before, files());
    }

    @Test
    void notNullWithoutDefaultNeedsInputAndWritesNothing() throws IOException {
        List<String> before = files();
        var e = assertThrows(KeelException.class, () -> make(s -> s.updateTable("blog", "post",
                t -> t.field("rank", column("rank", "integer"))), MakeOptions.defaults()));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertEquals(before, files());
    }

    @Test
    void indexOnAnExistingTableIsWrittenNonAtomicAndConcurrent() throws IOException {
        MakeResult result = make(s -> s.updateTable("blog", "post", t -> t.index(index("post_title_idx", "title"))),
                MakeOptions.defaults());
        String source = Files.readString(result.migrations().get(0).file());
        assertTrue(source.contains("atomic(false);"), source);
        assertTrue(source.contains("addIndex(\"post\", index(\"post_title_idx\", \"title\"), true)"), source);
    }

    @Test
    void aBackfillAfterDeploymentIsNamedAfterTheChangeItCompletes() throws IOException {
        MakeResult result = make(s -> s.updateTable("blog", "post",
                t -> t.field("token", column("token", "uuid").defaultSql("gen_random_uuid()"))), MakeOptions.defaults());
        assertEquals(List.of("0005_add_post_token", "0006_add_post_token_backfill"),
                result.migrations().stream().map(m -> m.spec().name()).toList());
        assertTrue(result.migrations().get(1).spec().postDeployment());
    }

    @Test
    void emptyAndNamedMigrations() throws IOException {
        var empty = new MakeOptions(List.of("blog"), false, false, true, false, "backfill_titles", false, SafetyOptions.DEFAULT);
        MakeResult result = make(s -> s, empty);
        assertEquals("0005_backfill_titles", result.migrations().get(0).spec().name());
        assertTrue(Files.exists(migrations.resolve("M0005_backfill_titles.java")));
    }

    @Test
    void aForkedHistoryFailsTheCheckAndMergeFixesIt() throws IOException {
        // two branches each added a 0005 after 0004, touching the same column
        String branchA = Files.readString(migrations.resolve("M0002_add_post_slug.java"))
                .replace("M0002_add_post_slug", "M0005_alter_post_slug")
                .replace("dependsOn(\"blog\", \"0001_initial\")", "dependsOn(\"blog\", \"0004_fill_post_slug\")")
                .replace("addField(\"post\", \"slug\", column(\"slug\", \"varchar(200)\").nullable())",
                        "alterField(\"post\", \"slug\", column(\"slug\", \"varchar(300)\").nullable())");
        String branchB = branchA.replace("M0005_alter_post_slug", "M0005_widen_post_slug").replace("varchar(300)", "text");
        Files.writeString(migrations.resolve("M0005_alter_post_slug.java"), branchA);
        Files.writeString(migrations.resolve("M0005_widen_post_slug.java"), branchB);

        var e = assertThrows(KeelException.class, () -> make(s -> s, MakeOptions.defaults()));
        assertEquals(ErrorKind.GRAPH, e.kind());
        assertTrue(e.getMessage().contains("--merge"), e.getMessage());
        List<String> problems = make(s -> s, check()).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("2 latest migrations")), problems.toString());

        var merge = new MakeOptions(List.of(), false, false, false, true, null, false, SafetyOptions.DEFAULT);
        MakeResult merged = make(s -> s, merge);
        assertEquals("0006_merge_0005_0005", merged.migrations().get(0).spec().name());
        assertEquals(1, merged.overlaps().size(), merged.overlaps().toString());
        assertTrue(merged.overlaps().get(0).startsWith("blog.post.slug is changed on 2 branches"), merged.overlaps().get(0));
        assertEquals(List.of(), make(s -> s, check()).problems(), "after the merge the check passes");
        assertFalse(files().isEmpty());
    }
}
