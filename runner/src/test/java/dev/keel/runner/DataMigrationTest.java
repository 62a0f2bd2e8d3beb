package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.support.Db;
import dev.keel.runner.support.NewsProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data migrations on PostgreSQL: {@code RunJava} sees the names of its own point in the history,
 * {@code RunSql} and {@code RunJava} run forwards and backwards, and batched walks commit batch by
 * batch, record their progress, and resume after an interruption without redoing a batch.
 */
class DataMigrationTest {
    static final String MIGRATIONS = NewsProject.MIGRATIONS;
    static final int ROWS = 2500;

    @TempDir Path project;

    @BeforeEach
    void writeProject() throws IOException {
        NewsProject.write(project);
    }

    private Migrator migrator(Db db, MigrateListener listener) {
        return Specs.migrator(db, MigrationSet.read(KeelConfig.read(project), project), Specs.FAST, listener);
    }

    private static MigrateRequest to(String target) {
        return new MigrateRequest("news", target, false, true);
    }

    /** Migrates to 0001 and fills {@value ROWS} posts. */
    private static void seeded(Db db, Migrator m) throws SQLException {
        m.migrate(to("0001"));
        db.execute("INSERT INTO post (id, title) SELECT g, 'Title ' || g FROM generate_series(1, " + ROWS + ") g");
    }

    private void edit(String file, String from, String to) throws IOException {
        NewsProject.edit(project, file, from, to);
    }

    @Test
    void runJavaSeesTheNamesOfItsOwnTimeAndRunSqlAndRunJavaGoBothWays() throws Exception {
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out)) {
            seeded(db, m);
            m.migrate(to("0003"));
            assertTrue(out.logs.contains("news.0002_fill_slugs: names as of 0002: post.title, key [id]"), out.logs.toString());
            assertEquals(ROWS, db.count("SELECT count(*) FROM story WHERE slug = lower(headline) AND touched = 1"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM story WHERE headline_copy = headline"), "RunSql forwards");

            m.migrate(to("0002"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM post WHERE slug IS NOT NULL"), "0003 undone, table renamed back");
            m.migrate(to("0001"));
            assertEquals(0, db.count("SELECT count(*) FROM post WHERE slug IS NOT NULL"), "RunJava backwards emptied the slugs");
            assertEquals(0, db.count("SELECT count(*) FROM keel_backfill"), "progress is forgotten once a migration is recorded");

            m.migrate(to("0003"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM story WHERE slug = lower(headline) AND touched = 2"),
                    "applied again after unapplying: the walk ran again in full");
        }
    }

    @Test
    void theWalkGoesInBatchesAndReportsThem() throws Exception {
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out)) {
            seeded(db, m);
            db.execute("UPDATE post SET slug = 'kept' WHERE id % 10 = 0");
            m.migrate(to("0002"));
            assertEquals(ROWS / 10, db.count("SELECT count(*) FROM post WHERE slug = 'kept' AND touched = 0"),
                    "rows outside the condition are walked over, not written");
            String summary = out.logs.stream().filter(l -> l.contains("batches")).findFirst().orElseThrow();
            assertTrue(summary.startsWith("news.0002_fill_slugs: fill#1 on post: 2500 rows in 3 batches, 2250 changed, "),
                    summary);
            assertTrue(summary.contains("rows/s), longest batch "), summary);
        }
    }

    @Test
    void aFailedWalkResumesAfterItsLastBatchWithoutRedoingOne() throws Exception {
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out)) {
            seeded(db, m);
            db.execute("CREATE TABLE fail_switch (on_key bigint)", "INSERT INTO fail_switch VALUES (2201)",
                    "CREATE FUNCTION fail_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF EXISTS (SELECT 1 FROM fail_switch WHERE on_key = NEW.id) THEN"
                            + " RAISE EXCEPTION 'switched off at %', NEW.id; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER fail_at BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION fail_at()");

            var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("switched off at 2201"), e.getMessage());
            assertEquals(2000, db.count("SELECT count(*) FROM post WHERE touched = 1"), "two batches committed");
            assertEquals(0, db.count("SELECT count(*) FROM post WHERE id > 2000 AND touched > 0"), "the third rolled back");
            assertEquals(2, db.count("SELECT batches FROM keel_backfill WHERE migration = '0002_fill_slugs' AND step = 'fill#1'"));

            db.execute("DELETE FROM fail_switch");
            m.migrate(to("0002"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM post WHERE touched = 1"), "no row written twice");
            assertTrue(out.logs.contains("news.0002_fill_slugs: fill#1 on post: resuming after key 2000 (2000 rows in 2"
                    + " batches done in an earlier run)."), out.logs.toString());
            assertTrue(out.logs.stream().anyMatch(l -> l.contains("fill#1 on post: 500 rows in 1 batch")), out.logs.toString());
        }
    }

    @Test
    void aKilledConnectionLosesOnlyTheBatchInFlight() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db, MigrateListener.silent())) {
                seeded(db, m);
            }
            // the first time row 1500 is written, the session running the walk is terminated
            db.execute("CREATE SEQUENCE kill_once",
                    "CREATE FUNCTION kill_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF NEW.id = 1500 AND nextval('kill_once') = 1 THEN"
                            + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER kill_at BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION kill_at()");
            try (Migrator m = migrator(db, MigrateListener.silent())) {
                var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
                assertEquals(ErrorKind.DATABASE, e.kind(), e.getMessage());
            }
            assertEquals(1000, db.count("SELECT count(*) FROM post WHERE touched = 1"));
            var out = new Recorder();
            try (Migrator m = migrator(db, out)) {
                m.migrate(to("0002"));
            }
            assertEquals(ROWS, db.count("SELECT count(*) FROM post WHERE touched = 1"), "no row written twice");
            assertTrue(out.logs.stream().anyMatch(l -> l.contains("resuming after key 1000")), out.logs.toString());
        }
    }

    /** A walk in Java: each batch reads its rows, computes in Java, writes; it throws on its third batch while stop_after holds a row. */
    static final String JAVA_WALK = """
            ctx.batches("post").size(1000).where(post.column("slug") + " IS NULL").forEach(batch -> {
                        var c = batch.connection();
                        try (var stop = c.createStatement(); var r = stop.executeQuery("SELECT count(*) FROM stop_after")) {
                            r.next();
                            if (r.getLong(1) > 0 && batch.first().equals(2001L)) {
                                throw new IllegalStateException("stopped before batch " + batch.first() + ".." + batch.last());
                            }
                        }
                        var slugs = new java.util.LinkedHashMap<Long, String>();
                        try (var st = c.prepareStatement("SELECT id, title FROM " + post.name() + " WHERE " + batch.where())) {
                            batch.bind(st, 1);
                            try (var r = st.executeQuery()) {
                                while (r.next()) {
                                    slugs.put(r.getLong(1), r.getString(2).toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                                }
                            }
                        }
                        try (var up = c.prepareStatement("UPDATE " + post.name() + " SET slug = ?, touched = touched + 1 WHERE id = ?")) {
                            for (var e : slugs.entrySet()) {
                                up.setString(1, e.getValue());
                                up.setLong(2, e.getKey());
                                up.addBatch();
                            }
                            up.executeBatch();
                        }
                    });
            """;

    @Test
    void aBatchsCodeCannotCommitItsBatchBehindKeelsBack() throws Exception {
        // a commit in the batch's code would keep the batch's rows while keel_backfill does not record it: the
        // next run would write them again
        Path f = project.resolve(MIGRATIONS).resolve("M0002_fill_slugs.java");
        String text = Files.readString(f);
        int start = text.indexOf("        ctx.batches(\"post\").size(1000)\n");
        int end = text.indexOf("    }", start);
        String walk = JAVA_WALK.replace("up.executeBatch();", "up.executeBatch();\n"
                + "if (batch.first().equals(1001L)) { c.commit(); throw new IllegalStateException(\"after the commit\"); }");
        Files.writeString(f, text.substring(0, start) + "        " + walk + text.substring(end));
        try (Db db = Db.fresh(); Migrator m = migrator(db, MigrateListener.silent())) {
            seeded(db, m);
            db.execute("CREATE TABLE stop_after (x int)");
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
            assertTrue(e.getMessage().contains("the batch's code called commit() on Batch.connection(); keel refused it,"
                    + " and rolled the batch back (the batches before it stay done and recorded)"), e.getMessage());
            assertEquals(1000, db.count("SELECT count(*) FROM post WHERE touched = 1"), "batch 1001..2000 rolled back");
        }
    }

    @Test
    void aWalkInJavaGetsEachBatchInItsTransactionAndResumesAfterAThrow() throws Exception {
        Path f = project.resolve(MIGRATIONS).resolve("M0002_fill_slugs.java");
        String text = Files.readString(f);
        int start = text.indexOf("        ctx.batches(\"post\").size(1000)\n");
        int end = text.indexOf("    }", start);
        Files.writeString(f, text.substring(0, start) + "        " + JAVA_WALK + text.substring(end));
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out)) {
            seeded(db, m);
            db.execute("UPDATE post SET slug = 'kept' WHERE id = 5", "CREATE TABLE stop_after (x int)",
                    "INSERT INTO stop_after VALUES (1)");
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
            assertTrue(e.getMessage().contains("stopped before batch 2001..2500"), e.getMessage());
            assertEquals(1999, db.count("SELECT count(*) FROM post WHERE touched = 1"));

            db.execute("DELETE FROM stop_after");
            m.migrate(to("0002"));
            assertEquals(ROWS - 1, db.count("SELECT count(*) FROM post WHERE touched = 1 AND slug = replace(lower(title), ' ', '-')"));
            assertEquals(1, db.count("SELECT count(*) FROM post WHERE touched = 0 AND slug = 'kept'"));
            assertTrue(out.logs.stream().anyMatch(l -> l.contains("resuming after key 2000")), out.logs.toString());
        }
    }

    @Test
    void aWalkThatFinishedIsNotRunAgainWhenTheMigrationResumes() throws Exception {
        edit("M0002_fill_slugs", "operations(runJava(\"fill\", \"unfill\"));",
                "operations(runJava(\"fill\", \"unfill\"), runSql(\"SELECT 1/(SELECT count(*) FROM go_on)\", \"SELECT 1\"));");
        var out = new Recorder();
        try (Db db = Db.fresh(); Migrator m = migrator(db, out)) {
            seeded(db, m);
            db.execute("CREATE TABLE go_on (x int)");
            assertThrows(KeelException.class, () -> m.migrate(to("0002")), "division by zero in the second step");
            db.execute("INSERT INTO go_on VALUES (1)");
            m.migrate(to("0002"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM post WHERE touched = 1"));
        }
    }

    @Test
    void batchesInAnAtomicMigrationAreRefusedWithTheFix() throws Exception {
        edit("M0002_fill_slugs", "atomic(false);", "");
        try (Db db = Db.fresh(); Migrator m = migrator(db, MigrateListener.silent())) {
            seeded(db, m);
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
            assertTrue(e.getMessage().contains("migration news.0002_fill_slugs (fill): batches commit one by one, so they"
                    + " cannot run inside the transaction of an atomic migration.\nTo fix: add  atomic(false);  to define()"
                    + " of news.0002_fill_slugs"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM post WHERE touched > 0"));
        }
    }

    @Test
    void anUnknownModelOrFieldNamesWhatThereIsAtThatPoint() throws Exception {
        edit("M0002_fill_slugs", "post.column(\"title\")", "ctx.column(\"post\", \"headline\")");
        try (Db db = Db.fresh(); Migrator m = migrator(db, MigrationListenerNone.INSTANCE)) {
            seeded(db, m);
            var e = assertThrows(KeelException.class, () -> m.migrate(to("0002")));
            assertTrue(e.getMessage().contains("migration news.0002_fill_slugs (fill): model news.post (table post) has no"
                    + " field headline at this point of the history.\n  Fields here: [id (column id), title (column title),"
                    + " slug (column slug), touched (column touched)]\nTo fix: use the field's name as of this migration"),
                    e.getMessage());
        }
    }

    /** A listener that reports nothing (a name for readability). */
    enum MigrationListenerNone implements MigrateListener { INSTANCE }
}
