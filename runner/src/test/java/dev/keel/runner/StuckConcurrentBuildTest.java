package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A concurrent index build that cannot finish: once built, it waits for every transaction older than it, on any
 * table (an idle-in-transaction session on another table holds it up, and holds no lock on the build's table), or
 * it meets duplicates. keel fails after its retries (exit code 5), says what the build waited for, and leaves no
 * invalid index behind: PostgreSQL would update it on every write, and a unique one would refuse the service's
 * duplicate writes although the migration failed.
 */
class StuckConcurrentBuildTest {
    static final RunnerSettings SETTINGS = new RunnerSettings(Duration.ofMillis(500), Duration.ofSeconds(5), 2,
            Duration.ofMillis(50), Duration.ofMillis(50));
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("item", table("item").field("id", column("id", "bigint")).field("code", column("code", "integer"))
                    .primaryKey("id")),
            createModel("other", table("other").field("id", column("id", "bigint")).primaryKey("id")),
            runSql("INSERT INTO item SELECT g, g FROM generate_series(1, 2000) g", ""));
    static final MigrationSpec INDEX = Specs.spec("blog.0002_index").after("blog.0001_initial").nonAtomic().ops(
            addIndex("item", index("item_code_idx", "code"), true));
    static final MigrationSpec UNIQUE = Specs.spec("blog.0002_unique").after("blog.0001_initial").nonAtomic().ops(
            addIndex("item", index("item_code_key", "code").unique(), true));

    private static long invalidIndexes(Db db) throws Exception {
        return db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid");
    }

    @Test
    void aBuildHeldUpByAnOldTransactionOnAnotherTableFailsNamingItAndLeavesNoInvalidIndex() throws Exception {
        for (MigrationSpec build : new MigrationSpec[] {UNIQUE, INDEX}) {
            try (Db db = Db.fresh()) {
                MigrationSet set = Specs.set(INITIAL, build);
                try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
                    m.migrate(new MigrateRequest("blog", "0001", false, false));
                }
                var recorder = new Recorder();
                try (Connection holder = db.database.connect()) {
                    holder.setAutoCommit(false);
                    try (var st = holder.createStatement()) {
                        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                        st.execute("SELECT count(*) FROM other"); // a snapshot, no lock on item: then idle in transaction
                    }
                    KeelException e;
                    try (Migrator m = Specs.migrator(db, set, SETTINGS, recorder)) {
                        e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    }
                    // the service goes on writing as before the failed migration: a built unique index, left invalid
                    // but ready, would refuse this duplicate
                    db.execute("INSERT INTO item VALUES (5000, 7)");
                    assertEquals(0, invalidIndexes(db), build.key() + ": no invalid index is left");
                    assertEquals(ErrorKind.DATABASE, e.kind());
                    assertEquals(5, e.kind().exitCode());
                    assertTrue(e.getMessage().contains("The concurrent build could not take its lock within lock_timeout"
                            + " 500ms, 3 times (with backoff between tries): it waits for the transactions that write"
                            + " item, then for every transaction older than it on any table"), e.getMessage());
                    assertTrue(e.getMessage().contains("find them with SELECT pid, state, xact_start, left(query, 60) FROM"
                            + " pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL"), e.getMessage());
                    assertTrue(e.getMessage().contains("The failed build left an invalid index; keel dropped it"),
                            e.getMessage());
                    assertTrue(recorder.notices.get(0).contains("the concurrent build waits for a session writing item or"
                            + " for a transaction older than it"), recorder.notices.toString());
                    // the query keel prints finds the holder
                    assertEquals(1, db.count("SELECT count(*) FROM (SELECT pid, state, xact_start, left(query, 60) FROM"
                            + " pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()"
                            + " ORDER BY xact_start) s"));
                    holder.rollback();
                }
                try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
                    db.execute("DELETE FROM item WHERE id = 5000");
                    assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
                }
                assertEquals(0, invalidIndexes(db));
                assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indrelid = 'item'::regclass AND indisvalid"
                        + " AND NOT indisprimary"));
            }
        }
    }

    @Test
    void aUniqueBuildThatMeetsDuplicatesLeavesNoInvalidIndex() throws Exception {
        try (Db db = Db.fresh()) {
            MigrationSet set = Specs.set(INITIAL, UNIQUE);
            KeelException e;
            try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                db.execute("UPDATE item SET code = 1 WHERE id = 2");
                e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            }
            assertEquals(0, invalidIndexes(db));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("The failed build left an invalid index; keel dropped it (DROP INDEX"
                    + " CONCURRENTLY IF EXISTS item_code_key)."), e.getMessage());
        }
    }
}
