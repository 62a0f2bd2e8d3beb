package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.routing.Router;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two routed databases on a real PostgreSQL: each gets only the operations of its tables, records
 * every migration, and a model whose entity is gone still routes by the database its migrations recorded.
 */
class MultiDatabaseTest {
    static final Router ROUTER = Router.of(KeelConfig.parse("""
            {"apps": [{"label": "blog", "package": "com.acme.blog"}],
             "databases": {"default": {"url": "jdbc:postgresql://localhost/app"},
                           "control": {"url": "jdbc:postgresql://localhost/control"}}}""", "keel.json"));

    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createSequence(sequence("organization_seq").incrementBy(50).database("control")),
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .primaryKey("id")),
            createModel("organization", table("organization").entity("Organization").database("control")
                    .field("id", column("id", "bigint"))
                    .field("name", column("name", "varchar(255)"))
                    .primaryKey("id")),
            runSql("INSERT INTO organization (id, name) VALUES (1, 'acme')", "DELETE FROM organization")
                    .touches("organization"),
            runSql("INSERT INTO post (title) VALUES ('hello')", "DELETE FROM post").database("default"));
    static final MigrationSpec SLUG = Specs.spec("blog.0002_slugs").after("blog.0001_initial").ops(
            addField("organization", "slug", column("slug", "varchar(80)").nullable()),
            addIndex("organization", index("organization_slug_idx", "slug")));
    /** The entity Organization is gone from the sources: its deletion routes by what the migrations recorded. */
    static final MigrationSpec DROP = Specs.spec("blog.0003_delete_organization").after("blog.0002_slugs").ops(
            deleteModel("organization"),
            deleteSequence("organization_seq"));

    static final MigrationSet SET = Specs.set(INITIAL, SLUG, DROP);

    private static Migrator migrator(Db db, MigrationSet set, String database) {
        return Migrator.connect(set, Specs.database(db), Specs.FAST, MigrateListener.silent(), ROUTER, database);
    }

    private static long tableCount(Db db, String name) throws Exception {
        return db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + name + "'");
    }

    @Test
    void eachDatabaseGetsOnlyItsOperationsAndRecordsEveryMigration() throws Exception {
        try (Db app = Db.fresh(); Db control = Db.fresh();
             Migrator onApp = migrator(app, SET, "default"); Migrator onControl = migrator(control, SET, "control")) {
            Plan plan = onControl.plan(new MigrateRequest("blog", "0002", false, false));
            assertEquals(List.of("Create sequence organization_seq", "Create model Organization (table organization)",
                    "Raw SQL: INSERT INTO organization (id, name) VALUES (1, 'acme')"), plan.migrations().get(0).operations());
            assertEquals(List.of("Create model Post (table post) (database default)",
                    "Raw SQL: INSERT INTO post (title) VALUES ('hello') (database default)"),
                    plan.migrations().get(0).notApplicable());

            onApp.migrate(new MigrateRequest("blog", "0002", false, false));
            onControl.migrate(new MigrateRequest("blog", "0002", false, false));

            assertEquals(1, tableCount(app, "post"));
            assertEquals(0, tableCount(app, "organization"));
            assertEquals(0, app.count("SELECT count(*) FROM pg_class WHERE relname = 'organization_seq'"));
            assertEquals(1, app.count("SELECT count(*) FROM post"));
            assertEquals(0, tableCount(control, "post"));
            assertEquals(1, tableCount(control, "organization"));
            assertEquals(1, control.count("SELECT count(*) FROM pg_class WHERE relname = 'organization_seq'"));
            assertEquals(1, control.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'organization_slug_idx'"));
            assertEquals(1, control.count("SELECT count(*) FROM organization WHERE name = 'acme'"));
            for (Db db : List.of(app, control)) {
                assertEquals(2, db.count("SELECT count(*) FROM keel_migrations WHERE phase = 'applied'"));
            }
            assertTrue(DriftCheck.check(onApp).clean(), () -> DriftCheck.check(onApp).differences().toString());
            assertTrue(DriftCheck.check(onControl).clean(), () -> DriftCheck.check(onControl).differences().toString());

            MigrateResult dropOnApp = onApp.migrate(MigrateRequest.all());
            assertEquals(List.of(DROP.key()), dropOnApp.done().stream().map(MigrateResult.Done::key).toList());
            assertEquals(List.of("Delete model organization (database control)",
                    "Delete sequence organization_seq (database control)"),
                    dropOnApp.plan().migrations().get(0).notApplicable());
            onControl.migrate(MigrateRequest.all());
            assertEquals(0, tableCount(control, "organization"));
            assertEquals(0, control.count("SELECT count(*) FROM pg_class WHERE relname = 'organization_seq'"));
            assertEquals(1, tableCount(app, "post"));

            onControl.migrate(new MigrateRequest("blog", "zero", false, false));
            assertEquals(0, tableCount(control, "organization"));
            assertEquals(1, tableCount(app, "post"));
            assertEquals(0, control.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    @Test
    void sqlmigrateAndStatusSayWhatIsNotApplicable() {
        String sql = SqlMigrate.sql(SET, Specs.FAST, "blog", "0002", false, ROUTER, "default");
        assertTrue(sql.contains("-- Database: default."), sql);
        assertTrue(sql.contains("-- Not applicable to database default, skipped here: Add field slug to organization"
                + " (database control)"), sql);
        assertTrue(sql.contains("(no SQL on database default; keel records the migration as applied)"), sql);
        assertFalse(sql.contains("ALTER TABLE"), sql);
        String control = SqlMigrate.sql(SET, Specs.FAST, "blog", "0002", false, ROUTER, "control");
        assertTrue(control.contains("ALTER TABLE organization ADD COLUMN slug"), control);

        Map<MigrationKey, List<String>> skipped = RoutingReport.notApplicable(SET, ROUTER, "default");
        assertEquals("not applicable to database default: its operations run in control; recorded as applied with them",
                RoutingReport.note(SLUG, skipped.get(SLUG.key()), "default"));
        assertEquals("3 of 5 operations not applicable here: they run in control",
                RoutingReport.note(INITIAL, skipped.get(INITIAL.key()), "default"));
    }

    @Test
    void undeclaredHandWrittenCodeIsAnErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("M0002_backfill.java");
        Files.writeString(file, """
                package com.acme.blog.migrations;

                public final class M0002_backfill extends Migration {
                    @Override protected void define() {
                        dependsOn("blog", "0001_initial");
                        operations(
                            runSql("UPDATE post SET title = upper(title)").touches("post"),
                            runSql("UPDATE organization SET name = lower(name)"));
                    }
                }
                """);
        MigrationSpec backfill = new MigrationSpec(new MigrationKey("blog", "0002_backfill"),
                List.of(INITIAL.key()), List.of(runSql("UPDATE post SET title = upper(title)").touches("post"),
                runSql("UPDATE organization SET name = lower(name)")), true, false, false, List.of(), file.toString());
        MigrationSet set = Specs.set(INITIAL, backfill);
        try (Db db = Db.fresh(); Migrator m = migrator(db, set, "control")) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
            assertTrue(e.getMessage().startsWith(file + ":8: Raw SQL: UPDATE organization"), e.getMessage());
            assertTrue(e.getMessage().contains("does not say which tables or database it touches"), e.getMessage());
            assertTrue(e.getMessage().contains(".touches(\"TABLE\", ...) or .database(\"NAME\")"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations"), "nothing applied when the plan cannot be routed");
        }
        // with one database, the same code runs where everything runs
        try (Db db = Db.fresh(); Migrator m = Migrator.connect(Specs.set(
                Specs.spec("blog.0001_initial").ops(createModel("post", table("post").field("id", column("id", "bigint")))),
                Specs.spec("blog.0002_x").after("blog.0001_initial").ops(runSql("INSERT INTO post VALUES (1)"))),
                Specs.database(db), Specs.FAST, MigrateListener.silent(), Router.single(), "default")) {
            m.migrate(MigrateRequest.all());
            assertEquals(1, db.count("SELECT count(*) FROM post"));
        }
    }

    @Test
    void declarationsMustNameKnownTablesOfOneDatabase() {
        MigrationSpec mixed = Specs.spec("blog.0002_mixed").after("blog.0001_initial").ops(
                runSql("UPDATE post SET title = (SELECT name FROM organization)").touches("post", "organization"));
        var e = assertThrows(KeelException.class, () -> RoutingReport.notApplicable(Specs.set(INITIAL, mixed), ROUTER, "default"));
        assertTrue(e.getMessage().contains("declares tables of different databases [default, control]"), e.getMessage());
        MigrationSpec unknown = Specs.spec("blog.0002_unknown").after("blog.0001_initial").ops(
                runSql("UPDATE comment SET x = 1").touches("comment"));
        e = assertThrows(KeelException.class, () -> RoutingReport.notApplicable(Specs.set(INITIAL, unknown), ROUTER, "default"));
        assertTrue(e.getMessage().contains("declares the table comment, which no model has at this migration"), e.getMessage());
        MigrationSpec elsewhere = Specs.spec("blog.0002_elsewhere").after("blog.0001_initial").ops(
                runJava("backfill").database("reporting"));
        e = assertThrows(KeelException.class, () -> RoutingReport.notApplicable(Specs.set(INITIAL, elsewhere), ROUTER, "default"));
        assertTrue(e.getMessage().contains("names the database \"reporting\", which keel.json does not name"), e.getMessage());
    }
}
