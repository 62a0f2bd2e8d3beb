package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CreateModel;
import dev.keel.project.ProjectState;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel optimizemigration on a copy of the blog sample with a hand-written fifth migration that folds. */
class OptimizeMigrationCommandTest {
    static final String COMMENTS = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            /** Comments, written step by step by hand. */
            public final class M0005_comments extends Migration {
                @Override
                protected void define() {
                    dependsOn("blog", "0004_fill_post_slug");
                    operations(
                            createModel("Comment", table("comment").entity("Comment")
                                    .field("id", column("id", "bigint"))
                                    .field("body", column("body", "text"))
                                    .field("post", column("post_id", "bigint"))
                                    .primaryKey("id")),
                            addField("Comment", "score", column("score", "integer").nullable()),
                            alterField("Comment", "body", column("body", "varchar(500)")),
                            addConstraint("Comment", foreignKey("fk_comment_post", "post_id").references("post", "id")),
                            addIndex("Comment", index("ix_comment_score", "score")));
                }
            }
            """;

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void sampleWithAFoldableMigration() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        file = SampleProject.blogMigrations(dir).resolve("M0005_comments.java");
        Files.writeString(file, COMMENTS);
        Path lock = dir.resolve("migrations_lockfile.txt");
        Files.writeString(lock, Files.readString(lock).replace("0004_fill_post_slug", "0005_comments"));
    }

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), (c, d) -> new ScannedProject(null, DiffHints.NONE), all);
    }

    ProjectState latest() {
        return MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(dir), dir)).latestState();
    }

    @Test
    void checkExitsOneAndWritesNothingThenTheMigrationIsFoldedInPlaceAndReplaysTheSame() throws IOException {
        ProjectState before = latest();
        KeelRun check = keel("optimizemigration", "blog", "0005", "--check");
        assertEquals(1, check.exit(), check.err() + check.out());
        assertTrue(check.out().contains("Could optimize src/main/java/com/example/blog/migrations/M0005_comments.java:"
                + " 5 operations folded into 1"), check.out());
        assertEquals(COMMENTS, Files.readString(file));

        KeelRun r = keel("optimizemigration", "blog", "0005");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().startsWith("Optimized src/main/java/com/example/blog/migrations/M0005_comments.java: 5"
                + " operations folded into 1"), r.out());
        MigrationSpec spec = new SourceMigrationReader().read(file, "blog");
        assertEquals(1, spec.operations().size(), spec.toString());
        assertInstanceOf(CreateModel.class, spec.operations().get(0));
        assertEquals("0005_comments", spec.name());
        assertEquals(java.util.List.of(new dev.keel.migration.MigrationKey("blog", "0004_fill_post_slug")), spec.dependencies());
        assertEquals(before, latest());
        String source = Files.readString(file);
        assertTrue(source.contains("/**\n * Comments, written step by step by hand.\n *\n * Optimized by keel optimizemigration:"
                + " 5 operations folded into 1.\n */\npublic final class M0005_comments"), source);

        KeelRun again = keel("optimizemigration", "blog", "0005", "--check");
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().startsWith("No optimizations possible"), again.out());
    }

    @Test
    void dryRunPrintsTheSourceAndJsonIsForMachines() throws IOException {
        KeelRun dry = keel("optimizemigration", "blog", "0005_comments", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("public final class M0005_comments extends Migration"), dry.out());
        assertEquals(COMMENTS, Files.readString(file));

        KeelRun json = keel("optimizemigration", "blog", "0005", "--check", "--json");
        assertEquals(1, json.exit(), json.err());
        assertTrue(json.out().contains("\"optimizable\" : true"), json.out());
        assertTrue(json.out().contains("\"operationsBefore\" : 5"), json.out());
        assertTrue(json.out().contains("\"operationsAfter\" : 1"), json.out());
        assertTrue(json.out().contains("\"written\" : false"), json.out());
    }

    @Test
    void aMigrationThatFoldsNoFurtherIsLeftAlone() throws IOException {
        Path initial = SampleProject.blogMigrations(dir).resolve("M0001_initial.java");
        String text = Files.readString(initial);
        KeelRun r = keel("optimizemigration", "blog", "0001");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("No optimizations possible"), r.out());
        assertEquals(text, Files.readString(initial));
    }

    @Test
    void anAppliedMigrationIsRefusedUnlessForcedThenItsChecksumIsRepaired() throws IOException {
        TestDatabase db = TestPostgres.freshDatabase();
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\\{",
                "{\n  \"database\": {\"url\": \"" + SampleProject.url(db) + "\"},"));
        KeelRun migrated = keel("migrate");
        assertEquals(0, migrated.exit(), migrated.err());

        KeelRun r = keel("optimizemigration", "blog", "0005");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("blog.0005_comments is applied to the database (" + db.url()), r.err());
        assertTrue(r.err().contains("keel migrate --repair-checksum blog 0005_comments"), r.err());
        assertEquals(COMMENTS, Files.readString(file));

        KeelRun forced = keel("optimizemigration", "blog", "0005", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("warning: blog.0005_comments is applied to the database"), forced.out());
        KeelRun refused = keel("migrate");
        assertEquals(4, refused.exit(), refused.out() + refused.err());
        KeelRun repaired = keel("migrate", "--repair-checksum", "blog", "0005_comments");
        assertEquals(0, repaired.exit(), repaired.err());
        KeelRun show = keel("showmigrations");
        assertEquals(0, show.exit(), show.err() + show.out());
        KeelRun drift = keel("check-db");
        assertEquals(0, drift.exit(), drift.err() + drift.out());
    }

    @Test
    void anUnknownMigrationIsAUsageError() {
        KeelRun r = keel("optimizemigration", "blog", "0009");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no migration named or starting with \"0009\""), r.err());
    }

    @Test
    void helpReadsLikeAManPage() {
        KeelRun r = keel("optimizemigration", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("--repair-checksum"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
    }
}
