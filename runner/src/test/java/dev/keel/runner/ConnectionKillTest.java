package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's session is ended ({@code pg_terminate_backend}) in the middle of a migration: an atomic
 * one leaves nothing behind; a non-atomic one, killed during a concurrent index build that leaves an
 * invalid index, is finished by the next run, which drops the invalid index and builds it again.
 */
class ConnectionKillTest {
    static final RunnerSettings PATIENT = Specs.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));

    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("item", table("item").field("id", column("id", "bigint")).field("code", column("code", "integer"))
                    .primaryKey("id")),
            runSql("""
                    CREATE FUNCTION keel_slow(x integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$
                    BEGIN
                        IF current_setting('keel.test_slow', true) = 'on' THEN PERFORM pg_sleep(0.4); END IF;
                        RETURN x;
                    END $$""", "DROP FUNCTION keel_slow"),
            runSql("INSERT INTO item SELECT g, g FROM generate_series(1, 20) g", ""));

    /** Ends the session of keel's runner as soon as it runs a statement that starts with {@code prefix}. */
    private static void killWhenRunning(Db db, String prefix) throws Exception {
        killWhenRunning(db, prefix, "true");
    }

    /** Kills keel's session once it runs a statement starting with {@code prefix} and {@code ready} (SQL) holds. */
    private static void killWhenRunning(Db db, String prefix, String ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            long killed = db.count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
                    + Migrator.APPLICATION_NAME + "' AND state = 'active' AND query LIKE '" + prefix + "%' AND (" + ready + ")");
            if (killed > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("keel never ran " + prefix + "; sessions: " + db.string("SELECT string_agg(state || ' '"
                + " || coalesce(wait_event_type, '') || ' ' || left(query, 120), ' | ') FROM pg_stat_activity WHERE"
                + " application_name = '" + Migrator.APPLICATION_NAME + "'"));
    }

    private static KeelException failure(CompletableFuture<?> run) {
        var e = assertThrows(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(KeelException.class, e.getCause());
    }

    @Test
    void killedDuringAnAtomicMigrationNothingIsHalfApplied() throws Exception {
        MigrationSpec second = Specs.spec("blog.0002_more").after("blog.0001_initial").ops(
                addField("item", "note", column("note", "text").nullable()),
                runSql("UPDATE item SET note = 'x'", ""),
                runSql("SELECT pg_sleep(20)", ""));
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, second);
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                killWhenRunning(db, "SELECT pg_sleep");
                KeelException e = failure(run);
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().contains("The connection to the database was lost"), e.getMessage());
                assertTrue(e.getMessage().contains("Nothing of blog.0002_more was applied"), e.getMessage());
            }
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_more'"));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    /**
     * Killed while the statements of an atomic migration, its record and its {@code COMMIT} are on their way in one
     * round trip (waiting for a lock another session holds): keel cannot know how far the server got, says so as for
     * a lost commit, and nothing of the migration is applied or recorded.
     */
    @Test
    void killedWhileTheStatementsAndTheCommitAreSentTogetherKeelSaysItCannotTellAndNothingIsHalfApplied() throws Exception {
        MigrationSpec second = Specs.spec("blog.0002_more").after("blog.0001_initial").ops(
                addField("item", "note", column("note", "text").nullable()),
                addField("item", "extra", column("extra", "integer").nullable()));
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, second);
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            try (Connection holder = java.sql.DriverManager.getConnection(db.database.url(), db.database.user(),
                    db.database.password());
                 Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                holder.setAutoCommit(false);
                try (var st = holder.createStatement()) {
                    st.execute("LOCK TABLE item IN ACCESS SHARE MODE"); // keel's ALTER TABLE waits for it
                }
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                killWhenRunning(db, "ALTER TABLE item ADD COLUMN note");
                KeelException e = failure(run);
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().contains("The connection to the database was lost"), e.getMessage());
                // the session ended: keel reads the history on a new connection and knows the commit did not happen
                assertTrue(e.getMessage().contains("Nothing of blog.0002_more was applied: keel read keel_migrations on a"
                        + " new connection once the lost session had ended"), e.getMessage());
            }
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name IN ('note', 'extra')"));
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_more'"));
        }
    }

    /** Three migrations after the initial one: a new table, a column of item, a column of the new table. */
    private static MigrationSet threeSentTogether() {
        MigrationSpec other = Specs.spec("blog.0002_other").after("blog.0001_initial").ops(
                createModel("other", table("other").field("id", column("id", "bigint")).primaryKey("id")));
        MigrationSpec note = Specs.spec("blog.0003_note").after("blog.0002_other").ops(
                addField("item", "note", column("note", "text").nullable()));
        MigrationSpec more = Specs.spec("blog.0004_more").after("blog.0003_note").ops(
                addField("other", "extra", column("extra", "integer").nullable()));
        return Specs.set(INITIAL, other, note, more);
    }

    /**
     * Killed while three migrations are sent together and the second waits for a lock: PostgreSQL committed the first
     * but keel had no answer yet (the server answers a sequence at its end). keel reads the history on a new connection
     * once the killed session has ended: the first is reported applied, the second and third not, and so they are.
     */
    @Test
    void killedWhileMigrationsAreSentTogetherKeelFindsOutWhichWereCommitted() throws Exception {
        MigrationSet set = threeSentTogether();
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            var recorder = new Recorder();
            try (Connection holder = java.sql.DriverManager.getConnection(db.database.url(), db.database.user(),
                    db.database.password());
                 Migrator m = Specs.migrator(db, set, PATIENT, recorder)) {
                holder.setAutoCommit(false);
                try (var st = holder.createStatement()) {
                    st.execute("LOCK TABLE item IN ACCESS SHARE MODE"); // blog.0003's ALTER TABLE waits for it
                }
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                killWhenRunning(db, "ALTER TABLE item ADD COLUMN note");
                KeelException e = failure(run);
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().startsWith("migration blog.0003_note (test:blog.0003_note): applying failed while"
                        + " its statements, its record and its COMMIT were on their way with those of blog.0004_more:\n"
                        + "The connection to the database was lost"), e.getMessage());
                assertTrue(e.getMessage().contains("Nothing of blog.0003_note or of blog.0004_more was applied: keel read"
                        + " keel_migrations on a new connection once the lost session had ended"), e.getMessage());
                assertEquals(java.util.List.of("Applying blog.0002_other", "done blog.0002_other", "Applying blog.0003_note"),
                        recorder.events);
            }
            assertEquals(1, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'other'"));
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name IN ('note', 'extra')"));
            assertEquals(2, db.count("SELECT count(*) FROM keel_migrations"));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_other'"));
        }
    }

    /**
     * The network between keel and the server fails while three migrations are sent together and the second waits for a
     * lock: keel had no answer for any of them, but finds the first recorded on a new connection and reports it
     * applied; the server's session is still there, waiting, and may yet commit the second and third, so keel says it
     * cannot tell about those, naming them.
     */
    @Test
    void cutWhileMigrationsAreSentTogetherKeelSaysWhichItCannotTellAbout() throws Exception {
        MigrationSet set = threeSentTogether();
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            var recorder = new Recorder();
            try (Connection holder = java.sql.DriverManager.getConnection(db.database.url(), db.database.user(),
                    db.database.password());
                 var relay = new MigrateRoundTripsTest.Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(set, MigrateRoundTripsTest.through(relay, db),
                         Specs.FAST.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)), recorder)) {
                holder.setAutoCommit(false);
                try (var st = holder.createStatement()) {
                    st.execute("LOCK TABLE item IN ACCESS SHARE MODE");
                }
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                waitUntilRunning(db, "ALTER TABLE item ADD COLUMN note");
                relay.partition();
                KeelException e = failure(run);
                assertTrue(e.getMessage().startsWith("migration blog.0003_note (test:blog.0003_note): applying failed"
                        + " while its statements, its record and its COMMIT were on their way with those of blog.0004_more:\n"
                        + "The connection to the database was lost"), e.getMessage());
                assertTrue(e.getMessage().contains("keel cannot tell whether the commit of blog.0003_note (or of"
                        + " blog.0004_more) reached the database"), e.getMessage());
                assertEquals(java.util.List.of("Applying blog.0002_other", "done blog.0002_other", "Applying blog.0003_note"),
                        recorder.events);
                db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + Migrator.APPLICATION_NAME + "'");
                holder.rollback();
            }
        }
    }

    /** Waits until keel's session runs a statement that starts with {@code prefix}. */
    private static void waitUntilRunning(Db db, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (db.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + Migrator.APPLICATION_NAME
                    + "' AND state = 'active' AND query LIKE '" + prefix + "%'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("keel never ran " + prefix);
    }

    @Test
    void killedDuringAConcurrentIndexBuildTheNextRunFinishesIt() throws Exception {
        MigrationSpec second = Specs.spec("blog.0002_index").after("blog.0001_initial").nonAtomic().ops(
                addField("item", "note", column("note", "text").nullable()),
                addIndex("item", index("item_slow_idx", "keel_slow(code)"), true),
                addIndex("item", index("item_note_idx", "note"), true));
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, second);
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            db.execute("ALTER DATABASE " + db.database.name() + " SET keel.test_slow = 'on'");
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                // only once the build's first transaction has made the index's catalog entry: killed before that, it leaves nothing
                killWhenRunning(db, "CREATE INDEX CONCURRENTLY IF NOT EXISTS item_slow_idx",
                        "to_regclass('item_slow_idx') IS NOT NULL");
                KeelException e = failure(run);
                assertTrue(e.getMessage().contains("blog.0002_index is not atomic: 1 of its 3 steps are applied and"
                        + " recorded"), e.getMessage());
            }
            assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'item_slow_idx'::regclass"
                    + " AND NOT indisvalid"), "the killed build left an invalid index");
            assertEquals(1, db.count("SELECT steps_done FROM keel_migrations WHERE name = '0002_index' AND phase = 'applying'"));

            db.execute("ALTER DATABASE " + db.database.name() + " RESET keel.test_slow");
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, set, PATIENT, recorder)) {
                assertEquals(MigrationStatus.Mark.PARTIAL, m.status().migrations().get(1).mark());
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            }
            assertEquals("Resuming blog.0002_index at step 2 of 3: a previous run stopped there.", recorder.notices.get(0));
            assertEquals(2, db.count("SELECT count(*) FROM pg_index WHERE indrelid = 'item'::regclass AND indisvalid"
                    + " AND indexrelid::regclass::text IN ('item_slow_idx', 'item_note_idx')"));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_index' AND phase = 'applied'"));
        }
    }

    @Test
    void theHistoryKeepsWhatANonAtomicUnapplyHadDone() throws Exception {
        MigrationSpec second = Specs.spec("blog.0002_index").after("blog.0001_initial").nonAtomic().ops(
                addIndex("item", index("item_code_idx", "code"), true),
                runSql("SELECT 1", "SELECT pg_sleep(20)"));
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, second);
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
                var run = CompletableFuture.supplyAsync(() -> m.migrate(new MigrateRequest("blog", "0001", false, false)));
                killWhenRunning(db, "SELECT pg_sleep");
                failure(run);
            }
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_index' AND phase = 'unapplying'"));
            try (Connection c = db.database.connect(); var st = c.createStatement()) {
                st.execute("UPDATE keel_migrations SET steps_done = 1 WHERE name = '0002_index'");
            }
            try (Migrator m = Specs.migrator(db, set, PATIENT, MigrateListener.silent())) {
                var e = assertThrows(KeelException.class, () -> m.migrate(new MigrateRequest("blog", "0002", false, false)));
                assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
                assertTrue(e.getMessage().contains("To fix: finish it first with keel migrate blog 0001_initial"), e.getMessage());
                assertEquals(1, m.migrate(new MigrateRequest("blog", "0001", false, false)).done().size());
            }
            assertEquals(0, db.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'item_code_idx'"));
        }
    }
}
