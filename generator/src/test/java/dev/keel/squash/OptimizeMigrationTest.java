package dev.keel.squash;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code optimizemigration}: one migration folded in place, replaying as before, on the blog sample and PostgreSQL. */
class OptimizeMigrationTest {
    @TempDir Path dir;

    private List<MigrationSpec> withFifth(List<Operation> ops) {
        SampleProjects.copy("blog", dir);
        var specs = new ArrayList<>(ProjectMigrations.readSources(KeelConfig.read(dir), dir));
        specs.add(new MigrationSpec(new MigrationKey("blog", "0005_work"), List.of(new MigrationKey("blog", "0004_fill_post_slug")),
                ops, true, false, false, List.of(), dir.resolve("src/main/java/com/example/blog/migrations/M0005_work.java").toString()));
        return specs;
    }

    /** Changes to a table that exists (post) and to one created in the same migration (label), in another schema. */
    private static List<Operation> work() {
        return List.of(
                addField("Post", "rank", column("rank", "integer").nullable()),
                createModel("Label", table("label").schema("tags").entity("Label")
                        .field("id", column("id", "bigint"))
                        .field("text", column("text", "varchar(50)"))
                        .primaryKey("id")),
                alterField("Post", "rank", column("rank", "bigint").nullable()),
                alterField("Label", "text", column("text", "varchar(100)")),
                addIndex("Label", index("ix_label_text", "text")),
                addField("Label", "color", column("color", "text").nullable()),
                removeField("Label", "color"));
    }

    @Test
    void foldsInPlaceAndBuildsTheSameSchemaOnPostgres() throws Exception {
        List<MigrationSpec> specs = withFifth(work());
        OptimizeMigration.Result r = OptimizeMigration.plan(KeelConfig.read(dir), specs, "blog", "0005");
        assertTrue(r.optimized());
        MigrationSpec after = r.migration().spec();
        assertEquals("0005_work", after.name());
        assertEquals(2, after.operations().size(), after.operations().toString());
        assertFalse(r.folds().isEmpty());
        var optimized = new ArrayList<>(specs);
        optimized.set(optimized.size() - 1, after);
        assertEquals(MigrationGraph.of(specs).latestState(), MigrationGraph.of(optimized).latestState());
        try (TestDatabase a = TestPostgres.freshDatabase(); TestDatabase b = TestPostgres.freshDatabase()) {
            migrate(a, specs);
            migrate(b, optimized);
            try (Connection ca = a.connect(); Connection cb = b.connect()) {
                assertEquals(List.of(), CatalogDiff.strict().diff(Catalog.read(ca), Catalog.read(cb)).differences());
            }
        }
    }

    @Test
    void aMigrationThatRunsJavaIsRefused() {
        List<MigrationSpec> specs = withFifth(List.of(addField("Post", "rank", column("rank", "integer").nullable()),
                runJava("fill"), alterField("Post", "rank", column("rank", "bigint").nullable())));
        KeelException e = assertThrows(KeelException.class,
                () -> OptimizeMigration.plan(KeelConfig.read(dir), specs, "blog", "0005"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("M0005_work.java: migration blog.0005_work runs Java (RunJava)"), e.getMessage());
    }

    @Test
    void nothingToFoldLeavesTheMigrationAsItIs() {
        List<MigrationSpec> specs = withFifth(List.of(addField("Post", "rank", column("rank", "integer").nullable())));
        OptimizeMigration.Result r = OptimizeMigration.plan(KeelConfig.read(dir), specs, "blog", "0005_work");
        assertFalse(r.optimized());
        assertEquals(specs.get(specs.size() - 1), r.migration().spec());
    }

    private static void migrate(TestDatabase db, List<MigrationSpec> specs) {
        try (Migrator m = Migrator.connect(MigrationSet.of(specs, JavaCode.none()),
                new Database(db.url(), db.user(), db.password(), null, "test database"), RunnerSettings.defaults(),
                MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
        }
    }
}
