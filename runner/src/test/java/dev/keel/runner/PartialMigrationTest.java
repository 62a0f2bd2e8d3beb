package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A non-atomic migration that fails at its second step over data it cannot handle (a unique index over
 * duplicated rows): each of the two ways out is one command that works, as the failure message says.
 */
class PartialMigrationTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .primaryKey("id")));
    /** Step 1 adds a column, step 2 builds a unique index over titles, which are duplicated. */
    static final MigrationSpec UNIQUE_TITLE = Specs.spec("blog.0002_unique_title").after("blog.0001_initial").nonAtomic().ops(
            addField("post", "code", column("code", "varchar(20)").nullable()),
            addIndex("post", index("post_title_uniq", "title").unique(), true));
    /** The same migration, corrected: the index is not unique. */
    static final MigrationSpec CORRECTED = Specs.spec("blog.0002_unique_title").after("blog.0001_initial").nonAtomic().ops(
            addField("post", "code", column("code", "varchar(20)").nullable()),
            addIndex("post", index("post_title_idx", "title"), true));

    private static KeelException failedRun(Db db) throws Exception {
        try (Migrator m = Specs.migrator(db, Specs.set(INITIAL), Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
        }
        db.execute("INSERT INTO post (title) VALUES ('same'), ('same')");
        try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, UNIQUE_TITLE), Specs.FAST, MigrateListener.silent())) {
            return assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
        }
    }

    @Test
    void theFailureNamesBothWaysOut() throws Exception {
        try (Db db = Db.fresh()) {
            KeelException e = failedRun(db);
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("1 of its 2 steps are applied"), e.getMessage());
            assertTrue(e.getMessage().contains("run keel migrate again: it goes on from step 2 with the corrected file"), e.getMessage());
            assertTrue(e.getMessage().contains("keel migrate blog 0001_initial"), e.getMessage());
            // the build failed for good: keel drops the invalid index it left, which writes would keep updating
            assertTrue(e.getMessage().contains("The failed build left an invalid index; keel dropped it (DROP INDEX"
                    + " CONCURRENTLY IF EXISTS post_title_uniq)."), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM pg_class WHERE relname = 'post_title_uniq'"));
        }
    }

    @Test
    void afterCorrectingTheMigrationMigrateGoesOnFromTheFailedStep() throws Exception {
        try (Db db = Db.fresh()) {
            failedRun(db);
            var set = Specs.set(INITIAL, CORRECTED);
            try (Migrator m = Specs.migrator(db, set, Specs.FAST, MigrateListener.silent())) {
                assertEquals(MigrationStatus.Mark.PARTIAL, m.status().migrations().get(1).mark());
                assertTrue(m.status().migrations().get(1).note().contains("with the file as corrected since"),
                        m.status().migrations().get(1).note());
                assertTrue(m.status().problems().isEmpty(), m.status().problems().toString());
                MigrateResult r = m.migrate(MigrateRequest.all());
                assertEquals(1, r.done().size());
                assertEquals(2, r.plan().migrations().get(0).resumeFrom() + 1);
            }
            assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('post_title_idx') AND indisvalid"));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_unique_title' AND phase = 'applied'"
                    + " AND checksum = '" + set.checksum(CORRECTED.key()) + "'"));
            try (Migrator m = Specs.migrator(db, set, Specs.FAST, MigrateListener.silent())) {
                assertTrue(m.status().problems().isEmpty(), m.status().problems().toString());
                assertTrue(m.migrate(MigrateRequest.all()).done().isEmpty());
            }
        }
    }

    @Test
    void goingBackToThePreviousMigrationUndoesTheStepsDoneAndTheInvalidIndex() throws Exception {
        try (Db db = Db.fresh()) {
            failedRun(db);
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, UNIQUE_TITLE), Specs.FAST, MigrateListener.silent())) {
                MigrateResult r = m.migrate(new MigrateRequest("blog", "0001", false, false));
                assertEquals(List.of("UNAPPLY blog.0002_unique_title"),
                        r.done().stream().map(d -> d.action() + " " + d.key()).toList());
                assertEquals(List.of(MigrationStatus.Mark.APPLIED, MigrationStatus.Mark.NOT_APPLIED),
                        m.status().migrations().stream().map(MigrationStatus::mark).toList());
            }
            assertEquals(0, db.count("SELECT count(*) FROM pg_class WHERE relname = 'post_title_uniq'"));
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'post' AND column_name = 'code'"));
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_unique_title'"));
            assertEquals(2, db.count("SELECT count(*) FROM post"));
        }
    }

    /** The cleanup before a concurrent build times out on a lock: the failure names the cleanup, not the build. */
    @Test
    void aFailedCleanupIsNamedAsTheStatementThatFailed() throws Exception {
        MigrationSpec index = Specs.spec("blog.0002_idx_title").after("blog.0001_initial").nonAtomic().ops(
                addIndex("post", index("idx_post_title", "title"), true));
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            db.execute("INSERT INTO post (title) VALUES ('same'), ('same')");
            try {
                db.execute("CREATE UNIQUE INDEX CONCURRENTLY idx_post_title ON post (title)");
            } catch (java.sql.SQLException expected) {
                // duplicated titles: the failed build leaves the index invalid, for the cleanup to drop
            }
            try (var holder = java.sql.DriverManager.getConnection(db.database.url(), db.database.user(), db.database.password())) {
                holder.setAutoCommit(false);
                try (var st = holder.createStatement()) {
                    st.execute("LOCK TABLE post IN SHARE UPDATE EXCLUSIVE MODE");
                }
                try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, index), Specs.FAST, MigrateListener.silent())) {
                    KeelException e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    assertTrue(e.getMessage().contains("in the statement keel runs before it:\n    DROP INDEX CONCURRENTLY IF EXISTS"
                            + " idx_post_title\n"), e.getMessage());
                    assertTrue(e.getMessage().contains("could not take its lock within lock_timeout"), e.getMessage());
                }
                holder.rollback();
            }
        }
    }
}
