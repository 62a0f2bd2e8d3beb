package dev.keel.emit;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.load.MigrationCompiler;
import dev.keel.load.SourceMigrationReader;
import dev.keel.make.EntitySource;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.Database;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code makemigrations --empty} on a copy of the blog sample: the data migration template it writes
 * reads back from source with its operations, compiles, and, applied unedited to PostgreSQL, changes
 * neither the schema nor a row, and can be unapplied.
 */
class DataMigrationTemplateTest {
    @TempDir Path dir;
    @TempDir Path classes;
    KeelConfig config;

    @BeforeEach
    void copySample() {
        SampleProjects.copy("blog", dir);
        config = KeelConfig.read(dir);
    }

    private NewMigration makeEmpty() {
        EntitySource unused = (c, d) -> {
            throw new AssertionError("--empty does not scan the entities");
        };
        var options = new MakeOptions(List.of("blog"), false, false, true, false, "fill_titles", false, SafetyOptions.DEFAULT);
        MakeResult result = new MakeMigrations(unused, new NonInteractiveQuestioner()).run(config, dir, options);
        assertEquals(1, result.migrations().size());
        return result.migrations().get(0);
    }

    @Test
    void theTemplateReadsBackFromSourceWithItsOperations() throws Exception {
        NewMigration m = makeEmpty();
        assertEquals(config.migrationsDir(dir, config.requireApp("blog")).resolve("M0005_fill_titles.java"), m.file());
        assertEquals(m.source(), Files.readString(m.file()), "the file written is the source made");

        MigrationSpec back = new SourceMigrationReader().read(m.file(), "blog");
        assertEquals(DataMigrationTemplate.operations(), back.operations());
        assertEquals(List.of(new MigrationKey("blog", "0004_fill_post_slug")), back.dependencies());
        assertFalse(back.atomic(), "its batches commit one by one");
        assertTrue(back.postDeployment());
        assertTrue(back.sameDefinition(m.spec()));
        assertTrue(Files.readString(dir.resolve("migrations_lockfile.txt")).contains("blog: 0005_fill_titles"));

        // the commented example walks a model the app has, by a field it has
        assertTrue(m.source().contains("// HistoricalTable author = ctx.table(\"author\");"), m.source());
        assertTrue(m.source().contains("//         .where(author.column(\"email\") + \" IS NULL\")"), m.source());
    }

    @Test
    void theTemplateCompilesWithTheProjectsMigrations() throws Exception {
        makeEmpty();
        ClassLoader loader = MigrationCompiler.compileProject(config, dir, classes);
        Class<?> type = loader.loadClass("com.example.blog.migrations.M0005_fill_titles");
        assertEquals("forwards", type.getDeclaredMethod("forwards", dev.keel.migration.MigrationContext.class).getName());
        assertEquals("backwards", type.getDeclaredMethod("backwards", dev.keel.migration.MigrationContext.class).getName());
    }

    @Test
    void appliedUneditedItChangesNothingAndCanBeUnapplied() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            var database = new Database(db.url(), db.user(), db.password(), null, "check the test server.");
            try (Migrator m = Migrator.connect(MigrationSet.read(config, dir), database, RunnerSettings.defaults(),
                    MigrateListener.silent())) {
                m.migrate(MigrateRequest.all().withPostDeploy());
            }
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO author (id, email, name) VALUES (1, 'a@example.org', 'Ann')");
                st.execute("INSERT INTO post (id, published, author_id, created_at, title) VALUES (1, true, 1, now(), 'Hello')");
            }
            Catalog before = Catalog.read(c);
            List<String> rowsBefore = rows(c);

            makeEmpty();
            var logs = new ArrayList<String>();
            MigrateListener listener = new MigrateListener() {
                @Override
                public void log(MigrationKey key, String message) {
                    logs.add(key + ": " + message);
                }
            };
            try (Migrator m = Migrator.connect(MigrationSet.read(config, dir), database, RunnerSettings.defaults(), listener)) {
                assertEquals(List.of(new MigrationKey("blog", "0005_fill_titles")),
                        m.migrate(MigrateRequest.all().withPostDeploy()).done().stream().map(d -> d.key()).toList());
                assertEquals(List.of("blog.0005_fill_titles: M0005_fill_titles.forwards(): nothing to do yet."), logs);
                assertEquals(before, Catalog.read(c), "the schema is unchanged");
                assertEquals(rowsBefore, rows(c), "no row changed");

                m.migrate(new MigrateRequest("blog", "0004", false, true));
                assertTrue(logs.contains("blog.0005_fill_titles: M0005_fill_titles.backwards(): nothing to undo yet."), logs.toString());
                MigrationStatus.Mark mark = m.status().migrations().stream()
                        .filter(s -> s.key().name().equals("0005_fill_titles")).findFirst().orElseThrow().mark();
                assertEquals(MigrationStatus.Mark.DEFERRED, mark, "unapplied, and waiting for the post-deployment phase");
                assertEquals(before, Catalog.read(c));
                assertEquals(rowsBefore, rows(c));
            }
        }
    }

    private static List<String> rows(Connection c) throws SQLException {
        var rows = new ArrayList<String>();
        for (String table : List.of("author", "post")) {
            try (var st = c.createStatement(); ResultSet r = st.executeQuery("SELECT t::text FROM " + table + " t ORDER BY id")) {
                while (r.next()) {
                    rows.add(table + " " + r.getString(1));
                }
            }
        }
        return rows;
    }
}
