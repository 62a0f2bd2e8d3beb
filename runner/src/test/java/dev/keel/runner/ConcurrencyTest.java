package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.internal.AdvisoryLock;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent {@code migrate} runs on one database take turns (an advisory lock); the one that waits says so. */
class ConcurrencyTest {
    static final MigrationSpec SLOW = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").field("id", column("id", "bigint")).primaryKey("id")),
            runSql("SELECT pg_sleep(0.6)", ""));
    static final MigrationSpec NEXT = Specs.spec("blog.0002_next").after("blog.0001_initial").ops(
            runSql("INSERT INTO post VALUES (1)", "DELETE FROM post WHERE id = 1"));

    @Test
    void aRunWaitsWhileAnotherHoldsTheLockAndSaysWho() throws Exception {
        try (Db db = Db.fresh(); Connection other = db.database.connect()) {
            try (var st = other.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + AdvisoryLock.KEY + ")");
            }
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, Specs.set(SLOW, NEXT), Specs.FAST, recorder)) {
                var run = CompletableFuture.supplyAsync(() -> m.migrate(MigrateRequest.all()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (recorder.notices.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(recorder.notices.get(0).startsWith("Waiting for another keel migrate on this database to finish"
                        + " (held by PostgreSQL session "), recorder.notices.get(0));
                Thread.sleep(100);
                assertFalse(run.isDone());
                assertEquals(0, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'post'"), "nothing ran while waiting");
                try (var st = other.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.KEY + ")");
                }
                assertEquals(2, run.get(10, TimeUnit.SECONDS).done().size());
            }
            assertTrue(recorder.notices.get(1).startsWith("The other keel migrate finished after "), recorder.notices.toString());
        }
    }

    @Test
    void twoRunsAtOnceApplyEachMigrationOnce() throws Exception {
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(SLOW, NEXT);
            var first = new Recorder();
            var second = new Recorder();
            try (Migrator a = Specs.migrator(db, set, Specs.FAST, first); Migrator b = Specs.migrator(db, set, Specs.FAST, second)) {
                var runA = CompletableFuture.supplyAsync(() -> a.migrate(MigrateRequest.all()));
                var runB = CompletableFuture.supplyAsync(() -> b.migrate(MigrateRequest.all()));
                List<Integer> done = List.of(runA.get(20, TimeUnit.SECONDS).done().size(), runB.get(20, TimeUnit.SECONDS).done().size());
                assertTrue(done.equals(List.of(2, 0)) || done.equals(List.of(0, 2)), done.toString());
                Recorder waited = done.get(0) == 0 ? first : second;
                assertTrue(waited.notices.get(0).startsWith("Waiting for another keel migrate"), waited.notices.toString());
            }
            assertEquals(1, db.count("SELECT count(*) FROM post"));
            assertEquals(2, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }
}
