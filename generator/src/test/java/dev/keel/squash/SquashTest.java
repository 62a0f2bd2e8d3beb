package dev.keel.squash;

import dev.keel.config.KeelConfig;
import dev.keel.emit.Lockfile;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CreateModel;
import dev.keel.runner.Database;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code squashmigrations} on the blog sample: the file it writes, the state it replays to, and PostgreSQL. */
class SquashTest {
    @TempDir Path dir;

    private KeelConfig config() {
        return KeelConfig.read(dir);
    }

    private List<MigrationSpec> specs() {
        return ProjectMigrations.readSources(config(), dir);
    }

    private Squash.Result squash(String from, String to) {
        SampleProjects.copy("blog", dir);
        List<MigrationSpec> specs = specs();
        Squash.Result r = Squash.plan(config(), dir, specs, "blog", from, to, null);
        Squash.write(config(), dir, specs, r);
        return r;
    }

    @Test
    void theSquashOfTheBlogsFirstThreeMigrationsReplaysToTheSameState() {
        SampleProjects.copy("blog", dir);
        MigrationGraph original = MigrationGraph.of(specs());
        Squash.Result r = Squash.plan(config(), dir, specs(), "blog", null, "0003", null);
        Squash.write(config(), dir, specs(), r);

        MigrationSpec spec = r.migration().spec();
        assertEquals("0001_squashed_0003_idx_post_created_at", spec.name());
        assertEquals(List.of(new MigrationKey("blog", "0001_initial"), new MigrationKey("blog", "0002_add_post_slug"),
                new MigrationKey("blog", "0003_idx_post_created_at")), spec.replaces());
        assertEquals(9, r.operationsBefore());
        // the slug and the index join the create of post; no index is left to build concurrently
        assertEquals(7, spec.operations().size());
        assertTrue(spec.atomic(), "nothing left needs to run outside a transaction");
        assertTrue(spec.initial());
        assertTrue(spec.operations().stream().noneMatch(op -> op.describe().startsWith("Add field")));

        Path file = dir.resolve("src/main/java/com/example/blog/migrations/M0001_squashed_0003_idx_post_created_at.java");
        assertTrue(Files.exists(file));
        assertTrue(new SourceMigrationReader().read(file, "blog").sameDefinition(spec));

        MigrationGraph after = MigrationGraph.of(specs());
        assertEquals(original.latestState(), after.latestState());
        assertEquals(original.stateAt(List.of(new MigrationKey("blog", "0003_idx_post_created_at"))),
                after.stateAt(List.of(spec.key())));
        // 0004 depends on 0003, which leads to the squash; the lockfile still names 0004
        assertEquals(List.of(spec.key()), List.copyOf(after.dependencies(new MigrationKey("blog", "0004_fill_post_slug"))));
        assertEquals("0004_fill_post_slug", Lockfile.read(dir).latest().get("blog"));
    }

    @Test
    void squashingToTheLatestMovesTheLockfileAndKeepsTheDataStep() {
        Squash.Result r = squash("0001", "0004");
        MigrationSpec spec = r.migration().spec();
        assertEquals("0001_squashed_0004_fill_post_slug", spec.name());
        assertEquals("0001_squashed_0004_fill_post_slug", Lockfile.read(dir).latest().get("blog"));
        assertTrue(spec.operations().get(spec.operations().size() - 1) instanceof dev.keel.operations.RunSql,
                spec.operations().toString());
    }

    @Test
    void onAnEmptyDatabaseTheSquashBuildsWhatTheOriginalsBuild() throws Exception {
        SampleProjects.copy("blog", dir);
        List<MigrationSpec> originals = specs();
        Squash.Result r = Squash.plan(config(), dir, originals, "blog", null, "0004", null);
        List<MigrationSpec> squashOnly = List.of(r.migration().spec());
        try (TestDatabase a = TestPostgres.freshDatabase(); TestDatabase b = TestPostgres.freshDatabase()) {
            migrate(a, originals);
            migrate(b, squashOnly);
            try (Connection ca = a.connect(); Connection cb = b.connect()) {
                assertEquals(List.of(), CatalogDiff.strict().diff(Catalog.read(ca), Catalog.read(cb)).differences());
                assertTrue(Catalog.read(cb).toString().contains("idx_post_created_at"));
            }
        }
    }

    @Test
    void aDatabaseHalfwayThroughTheRangeFinishesItWithTheOriginals() throws Exception {
        SampleProjects.copy("blog", dir);
        List<MigrationSpec> originals = specs();
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            try (Migrator m = migrator(db, originals)) {
                m.migrate(new MigrateRequest("blog", "0002", false, false));
            }
            Squash.Result r = Squash.plan(config(), dir, originals, "blog", null, "0003", null);
            Squash.write(config(), dir, originals, r);
            try (Migrator m = migrator(db, specs())) {
                var done = m.migrate(MigrateRequest.all()).done().stream().map(d -> d.key().name()).toList();
                assertEquals(List.of("0003_idx_post_created_at", "0004_fill_post_slug"), done);
                assertTrue(m.status().migrations().stream().anyMatch(s -> s.key().equals(r.migration().spec().key())
                        && s.mark() == dev.keel.runner.MigrationStatus.Mark.APPLIED));
            }
        }
    }

    @Test
    void aRunJavaInTheRangeIsRefusedWithTheWayOut() {
        SampleProjects.copy("blog", dir);
        var specs = new ArrayList<>(specs());
        specs.add(new MigrationSpec(new MigrationKey("blog", "0005_backfill"), List.of(new MigrationKey("blog", "0004_fill_post_slug")),
                List.of(runJava("backfill")), true, false, false, List.of(), "M0005_backfill.java"));
        var e = assertThrows(KeelException.class, () -> Squash.plan(config(), dir, specs, "blog", "0003", "0005", null));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("M0005_backfill.java: migration blog.0005_backfill runs Java"), e.getMessage());
        assertTrue(e.getMessage().contains("squash up to the migration before it"), e.getMessage());
    }

    @Test
    void aRangeBackwardsOrOfOneIsAUsageError() {
        SampleProjects.copy("blog", dir);
        assertEquals(ErrorKind.USAGE, assertThrows(KeelException.class,
                () -> Squash.plan(config(), dir, specs(), "blog", "0003", "0002", null)).kind());
        assertEquals(ErrorKind.USAGE, assertThrows(KeelException.class,
                () -> Squash.plan(config(), dir, specs(), "blog", "0002", "0002", null)).kind());
        assertFalse(Files.exists(dir.resolve("src/main/java/com/example/blog/migrations/M0002_squashed_0002_add_post_slug.java")));
    }

    @Test
    void theSquashedOperationsAreFoldedNotJustConcatenated() {
        Squash.Result r = squash(null, "0003");
        CreateModel post = r.migration().spec().operations().stream().filter(op -> op instanceof CreateModel c
                && c.model().equals("post")).map(CreateModel.class::cast).findFirst().orElseThrow();
        assertTrue(post.table().findColumn("slug").isPresent());
        assertTrue(post.table().findIndex("idx_post_created_at").isPresent());
        assertEquals(List.of("create+field change", "create+index change"), r.folds());
    }

    @Test
    void onceTheReplacedFilesAreDeletedADependencyOnOneLeadsToTheSquash() throws Exception {
        squash(null, "0003");
        Path migrations = dir.resolve("src/main/java/com/example/blog/migrations");
        for (String gone : List.of("M0001_initial", "M0002_add_post_slug", "M0003_idx_post_created_at")) {
            Files.delete(migrations.resolve(gone + ".java"));
        }
        // a migration written on a branch before the squash still names 0003: it meets the squash's schema
        Files.writeString(migrations.resolve("M0005_idx_post_title.java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0005_idx_post_title extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0003_idx_post_created_at");
                        operations(
                                addIndex("post", index("idx_post_title", "title")));
                    }
                }
                """);
        MigrationGraph graph = MigrationGraph.of(specs());
        assertEquals(List.of(new MigrationKey("blog", "0001_squashed_0003_idx_post_created_at")),
                List.copyOf(graph.dependencies(new MigrationKey("blog", "0005_idx_post_title"))));
        var report = new dev.keel.lint.Linter().lint(config(), dir, List.of(migrations.resolve("M0005_idx_post_title.java")));
        assertEquals(List.of("index-without-concurrently"), report.findings().stream().map(f -> f.rule()).toList(),
                "post exists when 0005 runs: its index must be built concurrently");
    }

    private static Migrator migrator(TestDatabase db, List<MigrationSpec> specs) {
        return Migrator.connect(MigrationSet.of(specs, JavaCode.none()),
                new Database(db.url(), db.user(), db.password(), null, "test database"), RunnerSettings.defaults(),
                MigrateListener.silent());
    }

    private static void migrate(TestDatabase db, List<MigrationSpec> specs) {
        try (Migrator m = migrator(db, specs)) {
            m.migrate(MigrateRequest.all().withPostDeploy());
        }
    }
}
