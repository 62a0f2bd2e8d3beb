package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.EntitySource;
import dev.keel.make.ScannedProject;
import dev.keel.project.ProjectState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.keel.migration.Operations.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel makemigrations through the command line, on a copy of the blog sample, entities given in code. */
class MakeMigrationsCommandTest {
    @TempDir Path dir;
    ProjectState entities;

    @BeforeEach
    void copySample() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelConfig config = KeelConfig.read(dir);
        entities = MigrationGraph.of(ProjectMigrations.readSources(config, dir)).latestState();
    }

    EntitySource source() {
        return (c, d) -> new ScannedProject(entities, DiffHints.NONE);
    }

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), source(), all);
    }

    @Test
    void checkPassesWhenNothingChanged() {
        KeelRun r = keel("makemigrations", "--check");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().startsWith("No changes"), r.out());
    }

    @Test
    void writesTheMigrationThenTheCheckPasses() {
        entities = entities.updateTable("blog", "post", t -> t.field("subtitle", column("subtitle", "text").nullable()));
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(1, check.exit(), check.out());
        assertTrue(check.out().contains("a migration is missing"), check.out());

        KeelRun r = keel("makemigrations");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Migrations for 'blog':"), r.out());
        assertTrue(r.out().contains("M0005_add_post_subtitle.java"), r.out());
        assertTrue(r.out().contains("- Add field subtitle to post"), r.out());
        assertEquals(0, keel("makemigrations", "--check").exit());
    }

    @Test
    void notNullWithoutDefaultExits3() {
        entities = entities.updateTable("blog", "post", t -> t.field("rank", column("rank", "integer")));
        KeelRun r = keel("makemigrations", "--no-input");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("@ColumnDefault"), r.err());
    }

    @Test
    void jsonListsTheMigrations() {
        entities = entities.updateTable("blog", "post", t -> t.field("subtitle", column("subtitle", "text").nullable()));
        KeelRun r = keel("makemigrations", "--dry-run", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"name\" : \"0005_add_post_subtitle\""), r.out());
    }

    @Test
    void badRenameHintIsAUsageError() {
        KeelRun r = keel("makemigrations", "--rename", "nonsense");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("app.Model.oldField=newField"), r.err());
    }

    @Test
    void largeTablesFromKeelJsonPutIndexBuildsAfterDeployment() throws IOException {
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\\{", "{\n  \"largeTables\": [\"post\"],"));
        entities = entities.updateTable("blog", "post", t -> t.index(dev.keel.migration.Operations.index("ix_post_title", "title")));
        KeelRun r = keel("makemigrations", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(post-deployment)  (non-atomic)"), r.out());
        assertTrue(r.out().contains("postDeployment();"), r.out());
    }
}
