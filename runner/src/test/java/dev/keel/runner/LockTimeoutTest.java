package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement, {@code RunSql} included, runs under {@code lock_timeout}; a lock timeout is retried
 * with backoff (the whole transaction for an atomic migration, the step for a non-atomic one), then
 * fails with a message that says what to do.
 */
class LockTimeoutTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").field("id", column("id", "bigint")).primaryKey("id")));
    static final MigrationSpec ADD = Specs.spec("blog.0002_add_slug").after("blog.0001_initial").ops(
            runSql("INSERT INTO post VALUES (7)", "DELETE FROM post WHERE id = 7"),
            addField("post", "slug", column("slug", "text").nullable()));
    static final MigrationSpec ADD_NON_ATOMIC = Specs.spec("blog.0002_add_slug").after("blog.0001_initial").nonAtomic().ops(
            runSql("INSERT INTO post VALUES (7)", "DELETE FROM post WHERE id = 7"),
            addField("post", "slug", column("slug", "text").nullable()));

    /** Holds an ACCESS EXCLUSIVE lock on {@code post} from another session until closed. */
    private static Connection lockPost(Db db) throws Exception {
        Connection other = db.database.connect();
        other.setAutoCommit(false);
        try (var st = other.createStatement()) {
            st.execute("LOCK TABLE post IN ACCESS EXCLUSIVE MODE");
        }
        return other;
    }

    @Test
    void aLockHeldTooLongFailsClearlyAfterTheRetriesAndLeavesNothing() throws Exception {
        try (Db db = Db.fresh()) {
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, ADD), Specs.FAST, recorder)) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                try (Connection other = lockPost(db)) {
                    var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    assertEquals(ErrorKind.DATABASE, e.kind());
                    assertTrue(e.getMessage().startsWith("migration blog.0002_add_slug (test:blog.0002_add_slug): applying"
                            + " failed at step 1 of 2 (Raw SQL: INSERT INTO post VALUES (7)):\n"
                            + "    INSERT INTO post VALUES (7)\n"
                            + "The statement could not take its lock within lock_timeout 200ms, 3 times (with backoff"
                            + " between tries).\nPostgreSQL: ERROR: canceling statement due to lock timeout"), e.getMessage());
                    assertTrue(e.getMessage().contains("Nothing of blog.0002_add_slug was applied: it runs in one"
                            + " transaction, which was rolled back.\nTo fix: another session holds a lock on the table"),
                            e.getMessage());
                    other.rollback();
                }
            }
            assertEquals(2, recorder.notices.size(), recorder.notices.toString());
            assertTrue(recorder.notices.get(0).startsWith("Lock timeout (200ms) in blog.0002_add_slug at step 1 of 2;"
                    + " another session holds a lock it needs. Trying the whole transaction again in 20ms (retry 1 of 2)."),
                    recorder.notices.get(0));
            assertTrue(recorder.notices.get(1).contains("again in 40ms (retry 2 of 2)"), recorder.notices.get(1));
            assertEquals(0, db.count("SELECT count(*) FROM post"));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    @Test
    void aLockReleasedDuringTheRetriesLetsTheWholeTransactionThrough() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            Connection other = lockPost(db);
            var recorder = new Recorder(notice -> {
                try {
                    other.rollback();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            try (other; Migrator m = Specs.migrator(db, Specs.set(INITIAL, ADD), Specs.FAST, recorder)) {
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            }
            assertEquals(1, recorder.notices.size(), recorder.notices.toString());
            assertEquals(1, db.count("SELECT count(*) FROM post WHERE id = 7"), "the insert ran once");
            assertEquals(1, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'slug'"));
        }
    }

    @Test
    void aNonAtomicMigrationRetriesOnlyTheStepThatTimedOut() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            // A reader in an open transaction: the INSERT passes, the ALTER TABLE waits for it.
            Connection reader = db.database.connect();
            reader.setAutoCommit(false);
            try (var st = reader.createStatement()) {
                st.execute("SELECT * FROM post");
            }
            var recorder = new Recorder(notice -> {
                try {
                    reader.rollback();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            try (reader; Migrator m = Specs.migrator(db, Specs.set(INITIAL, ADD_NON_ATOMIC), Specs.FAST, recorder)) {
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            }
            assertEquals(1, recorder.notices.size(), recorder.notices.toString());
            assertTrue(recorder.notices.get(0).contains("at step 2 of 2") && recorder.notices.get(0).contains("Trying the step"
                    + " again"), recorder.notices.get(0));
            assertEquals(1, db.count("SELECT count(*) FROM post WHERE id = 7"), "the INSERT was not run again");
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_add_slug' AND phase = 'applied'"));
        }
    }

    @Test
    void aNonAtomicMigrationThatCannotGetItsLockSaysWhatStaysApplied() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, ADD_NON_ATOMIC), Specs.FAST, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                Connection reader = db.database.connect();
                reader.setAutoCommit(false);
                try (reader; var st = reader.createStatement()) {
                    st.execute("SELECT * FROM post");
                    var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    assertTrue(e.getMessage().contains("blog.0002_add_slug is not atomic: 1 of its 2 steps are applied and"
                            + " recorded in keel_migrations."), e.getMessage());
                    reader.rollback();
                }
                assertEquals(MigrationStatus.Mark.PARTIAL, m.status().migrations().get(1).mark());
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size(), "a re-run finishes it");
            }
            assertEquals(1, db.count("SELECT count(*) FROM post WHERE id = 7"));
        }
    }
}
