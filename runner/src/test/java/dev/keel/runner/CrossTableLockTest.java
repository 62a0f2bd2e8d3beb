package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No transaction keel runs waits for a lock on one table while it holds a lock that blocks another table's
 * readers or writers. Each test reproduces what was seen: another session holds a lock on one table (an open
 * transaction), keel migrates with a lock timeout and retries, and a third session that reads or writes the
 * other table all along is never held up for the lock timeout; once the lock is released, the migration
 * completes.
 */
class CrossTableLockTest {
    /** A lock timeout long enough that being blocked for it is plain to see next to a query's few milliseconds. */
    static final RunnerSettings SETTINGS = new RunnerSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 8,
            Duration.ofMillis(100), Duration.ofMillis(20));
    /** What the third session may wait at most: well under the lock timeout, well over a busy machine's hiccup. */
    static final long MAX_WAIT_MS = 1000;

    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("tag", table("tag").field("id", column("id", "bigint")).field("name", column("name", "text").nullable())
                    .primaryKey("id")),
            createModel("post", table("post").field("id", column("id", "bigint")).field("title", column("title", "text").nullable())
                    .primaryKey("id")));

    /** What keel writes for a new {@code @ManyToOne Tag primaryTag} on Post: the column, then the key NOT VALID. */
    static final MigrationSpec MANY_TO_ONE = Specs.spec("blog.0002_post_primary_tag").after("blog.0001_initial").ops(
            addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
            addConstraint("post", foreignKey("fk_post_primary_tag", "primary_tag_id").references("tag", "id").notValid()));

    @Test
    void aBusyReferencedTableDoesNotBlockTheTableGettingTheColumn() throws Exception {
        var r = run(List.of(INITIAL, MANY_TO_ONE), "INSERT INTO tag VALUES (99, 'held')",
                "SELECT count(*) FROM post", "INSERT INTO post VALUES (%d, 'p')");
        assertTrue(r.notices.get(0).startsWith("Table tag is busy in blog.0002_post_primary_tag at step 2 of 2: another session"
                + " holds a lock on it that conflicts with SHARE ROW EXCLUSIVE, and keel does not wait for it while holding a lock"
                + " on post that blocks its readers or writers. Trying the whole transaction again in 100ms (retry 1 of 8)."),
                r.notices.get(0));
        assertEquals(1, r.db.count("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_post_primary_tag' AND NOT convalidated"));
        r.db.close();
    }

    @Test
    void aNewTableReferencingTwoExistingOnesDoesNotBlockTheFirstWhileTheSecondIsBusy() throws Exception {
        var comment = Specs.spec("blog.0002_comment").after("blog.0001_initial").ops(createModel("comment", table("comment")
                .field("id", column("id", "bigint")).field("post", column("post_id", "bigint"))
                .field("tag", column("tag_id", "bigint").nullable()).primaryKey("id")
                .constraint(foreignKey("fk_comment_post", "post_id").references("post", "id"))
                .constraint(foreignKey("fk_comment_tag", "tag_id").references("tag", "id"))));
        var r = run(List.of(INITIAL, comment), "INSERT INTO tag VALUES (99, 'held')",
                "INSERT INTO post VALUES (%d, 'p')", "UPDATE post SET title = 'q' WHERE id = 1");
        assertTrue(r.notices.get(0).startsWith("Table tag is busy in blog.0002_comment at step 3 of 3"), r.notices.get(0));
        assertEquals(2, r.db.count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'comment'::regclass AND contype = 'f'"));
        r.db.close();
    }

    @Test
    void aBusyReferencingTableDoesNotBlockTheTableLockedBeforeIt() throws Exception {
        // the migration changes tag first: holding tag, keel must not wait for post
        var both = Specs.spec("blog.0002_both").after("blog.0001_initial").ops(
                addField("tag", "label", column("label", "text").nullable()),
                addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                addConstraint("post", foreignKey("fk_post_primary_tag", "primary_tag_id").references("tag", "id").notValid()));
        var r = run(List.of(INITIAL, both), "SELECT * FROM post",
                "SELECT count(*) FROM tag", "INSERT INTO tag VALUES (%d, 't')");
        assertTrue(r.notices.get(0).startsWith("Table post is busy in blog.0002_both at step 2 of 3: another session holds a lock"
                + " on it that conflicts with ACCESS EXCLUSIVE, and keel does not wait for it while holding a lock on tag"),
                r.notices.get(0));
        r.db.close();
    }

    @Test
    void schemaQualifiedAndQuotedTablesToo() throws Exception {
        var initial = Specs.spec("shop.0001_initial").ops(
                createModel("customer", table("Customer").schema("sales").field("id", column("id", "bigint")).primaryKey("id")),
                createModel("order", table("order").schema("sales").field("id", column("id", "bigint"))
                        .field("note", column("note", "text").nullable()).primaryKey("id")));
        var fk = Specs.spec("shop.0002_order_customer").after("shop.0001_initial").ops(
                addField("order", "customer", column("customer_id", "bigint").nullable()),
                addConstraint("order", foreignKey("fk_order_customer", "customer_id").references("sales.Customer", "id").notValid()));
        var r = run(List.of(initial, fk), "INSERT INTO sales.\"Customer\" VALUES (99)",
                "SELECT count(*) FROM sales.\"order\"", "INSERT INTO sales.\"order\" VALUES (%d, 'n')");
        assertTrue(r.notices.get(0).startsWith("Table sales.Customer is busy in shop.0002_order_customer at step 2 of 2"),
                r.notices.get(0));
        r.db.close();
    }

    @Test
    void aNonAtomicMigrationTakesBothTablesInATransactionOfItsOwn() throws Exception {
        var lone = Specs.spec("blog.0002_fk").after("blog.0001_initial").nonAtomic().ops(
                addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                addConstraint("post", foreignKey("fk_post_primary_tag", "primary_tag_id").references("tag", "id").notValid()));
        var r = run(List.of(INITIAL, lone), "INSERT INTO tag VALUES (99, 'held')",
                "INSERT INTO post VALUES (%d, 'p')", "DELETE FROM post WHERE id = -1");
        assertTrue(r.notices.get(0).startsWith("Table tag is busy in blog.0002_fk at step 2 of 2"), r.notices.get(0));
        assertTrue(r.notices.get(0).contains("Trying the step again"), r.notices.get(0));
        assertEquals(1, r.db.count("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_post_primary_tag'"));
        r.db.close();
    }

    @Test
    void aTableBusyThroughEveryRetryFailsNamingItAndLeavesNothing() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, MANY_TO_ONE), Specs.FAST, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                try (Connection holder = db.database.connect()) {
                    holder.setAutoCommit(false);
                    try (var st = holder.createStatement()) {
                        st.execute("INSERT INTO tag VALUES (99, 'held')");
                    }
                    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.keel.error.KeelException.class,
                            () -> m.migrate(MigrateRequest.all()));
                    assertTrue(e.getMessage().startsWith("migration blog.0002_post_primary_tag (test:blog.0002_post_primary_tag):"
                            + " applying failed at step 2 of 2 (Add constraint fk_post_primary_tag to post), in the statement keel"
                            + " runs before it:\n    LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT\n"
                            + "Table tag was busy, 3 times (with backoff between tries): another session held a lock on it that"
                            + " conflicts with SHARE ROW EXCLUSIVE. keel does not wait for it there: the transaction holds a lock on"
                            + " post that blocks its readers or writers, and waiting would block them as long.\n"
                            + "PostgreSQL: ERROR: could not obtain lock on relation \"tag\""), e.getMessage());
                    assertTrue(e.getMessage().contains("To fix: another session holds a lock on tag, often a long transaction."
                            + " Find it with SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM"
                            + " pg_locks WHERE relation IN ('tag'::regclass)) ORDER BY xact_start;"), e.getMessage());
                    holder.rollback();
                }
            }
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'primary_tag_id'"));
        }
    }

    @Test
    void sqlmigratePrintsTheLockStatementsKeelRuns() {
        assertEquals("""
                -- blog.0002_post_primary_tag, forwards (apply): test:blog.0002_post_primary_tag
                -- Atomic: one transaction, in which keel also records it in keel_migrations.
                SET lock_timeout = '2s';
                SET statement_timeout = '10s';
                BEGIN;
                -- Add field primaryTag to post
                ALTER TABLE post ADD COLUMN primary_tag_id bigint;
                -- Add constraint fk_post_primary_tag to post
                -- NOWAIT: the transaction holds a lock that blocks the readers or writers of post; keel does not wait for tag while holding it: if tag is busy, the transaction rolls back at once and keel tries again after a backoff.
                LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT;
                ALTER TABLE post ADD CONSTRAINT fk_post_primary_tag FOREIGN KEY (primary_tag_id) REFERENCES tag (id) NOT VALID;
                COMMIT;
                """, SqlMigrate.sql(Specs.set(INITIAL, MANY_TO_ONE), SETTINGS, "blog", "0002", false));
        var lone = Specs.spec("blog.0002_fk").after("blog.0001_initial").nonAtomic().ops(
                addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                addConstraint("post", foreignKey("fk_post_primary_tag", "primary_tag_id").references("tag", "id").notValid()));
        String nonAtomic = SqlMigrate.sql(Specs.set(INITIAL, lone), SETTINGS, "blog", "0002", false);
        assertTrue(nonAtomic.endsWith("""
                -- [non-atomic step 1 of 2: commits on its own] Add field primaryTag to post
                ALTER TABLE post ADD COLUMN IF NOT EXISTS primary_tag_id bigint;
                -- [non-atomic step 2 of 2: commits on its own, in a transaction with its LOCK TABLE statements] Add constraint fk_post_primary_tag to post
                BEGIN;
                LOCK TABLE post IN SHARE ROW EXCLUSIVE MODE;
                -- NOWAIT: the transaction holds a lock that blocks the readers or writers of post; keel does not wait for tag while holding it: if tag is busy, the transaction rolls back at once and keel tries again after a backoff.
                LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT;
                -- skipped if the constraint exists already (psql's \\gexec runs it only then):
                SELECT 'ALTER TABLE post ADD CONSTRAINT fk_post_primary_tag FOREIGN KEY (primary_tag_id) REFERENCES tag (id) NOT VALID' WHERE NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('post') AND conname = 'fk_post_primary_tag') \\gexec
                COMMIT;
                """), nonAtomic);
    }

    @Test
    void whatSqlmigratePrintsRunsInPsql() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SqlMigratePsqlTest.psqlInstalled(), "psql is not installed");
        var lone = Specs.spec("blog.0002_fk").after("blog.0001_initial").nonAtomic().ops(
                addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                addConstraint("post", foreignKey("fk_post_primary_tag", "primary_tag_id").references("tag", "id").notValid()));
        for (MigrationSpec spec : List.of(MANY_TO_ONE, lone)) {
            try (Db db = Db.fresh()) {
                try (Migrator m = Specs.migrator(db, Specs.set(INITIAL), SETTINGS, MigrateListener.silent())) {
                    m.migrate(MigrateRequest.all());
                }
                SqlMigratePsqlTest.psql(db, SqlMigrate.sql(Specs.set(INITIAL, spec), SETTINGS, "blog", "0002", false));
                assertEquals(1, db.count("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_post_primary_tag'"));
            }
        }
    }

    record Outcome(Db db, List<String> notices) {}

    /**
     * Applies {@code migrations[0]}, then, while another session holds what {@code holdSql} takes in an open
     * transaction, the rest; a third session runs {@code probes} (each {@code %d} a fresh number) over and over
     * all along, and must never wait long. The holder lets go after keel's third retry; keel must then finish.
     */
    private static Outcome run(List<MigrationSpec> migrations, String holdSql, String... probes) throws Exception {
        Db db = Db.fresh();
        var set = Specs.set(migrations.toArray(MigrationSpec[]::new));
        try (Migrator m = Specs.migrator(db, set, SETTINGS, MigrateListener.silent())) {
            var first = migrations.get(0).key();
            m.migrate(new MigrateRequest(first.app(), first.name(), false, false));
        }
        db.execute("INSERT INTO " + (holdSql.contains("sales") ? "sales.\"order\"" : "post") + " VALUES (1, 'one')");
        Connection holder = db.database.connect();
        holder.setAutoCommit(false);
        try (var st = holder.createStatement()) {
            st.execute(holdSql);
        }
        var recorder = new Recorder(notice -> {
            // after the third retry's notice: the holder's transaction ends
        });
        var failure = new AtomicReference<Throwable>();
        var keel = new Thread(() -> {
            try (Migrator m = Specs.migrator(db, set, SETTINGS, recorder)) {
                m.migrate(MigrateRequest.all());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        long maxWait = 0;
        int probesRun = 0;
        try (holder; Connection third = db.database.connect()) {
            keel.start();
            int n = 1000;
            while (keel.isAlive()) {
                if (recorder.notices.size() >= 3 && !holder.isClosed()) {
                    holder.commit();
                    holder.close();
                }
                for (String probe : probes) {
                    long start = System.nanoTime();
                    try (var st = third.createStatement()) {
                        st.execute(probe.formatted(n++));
                    }
                    maxWait = Math.max(maxWait, (System.nanoTime() - start) / 1_000_000);
                    probesRun++;
                }
                Thread.sleep(5);
            }
            keel.join();
        }
        assertNull(failure.get(), () -> "keel failed: " + failure.get());
        assertTrue(recorder.notices.size() >= 3, recorder.notices.toString());
        assertTrue(probesRun > 10, "the third session ran " + probesRun + " queries while keel retried");
        assertTrue(maxWait < MAX_WAIT_MS, "the third session waited " + maxWait + " ms for one query (lock timeout "
                + SETTINGS.lockTimeout().toMillis() + " ms): keel held its table while waiting for another; notices: "
                + recorder.notices);
        assertEquals(migrations.size(), db.count("SELECT count(*) FROM keel_migrations"));
        return new Outcome(db, recorder.notices);
    }
}
