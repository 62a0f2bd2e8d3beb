package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationStatus.Mark;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migrate} on a real PostgreSQL: targets, zero, fake, the post-deployment phase, timeouts, status. */
class MigratorTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .primaryKey("id")));
    static final MigrationSpec SLUG = Specs.spec("blog.0002_add_slug").after("blog.0001_initial").ops(
            addField("post", "slug", column("slug", "varchar(80)").nullable()),
            runSql("UPDATE post SET slug = lower(title)", "UPDATE post SET slug = NULL"));
    static final MigrationSpec INDEX = Specs.spec("blog.0003_index_slug").after("blog.0002_add_slug")
            .nonAtomic().postDeployment()
            .ops(addIndex("post", index("post_slug_idx", "slug"), true));
    static final MigrationSpec AFTER_INDEX = Specs.spec("blog.0004_comment").after("blog.0003_index_slug")
            .ops(runSql("COMMENT ON TABLE post IS 'posts'", "COMMENT ON TABLE post IS NULL"));
    static final MigrationSpec SHOP = Specs.spec("shop.0001_initial").ops(
            createModel("item", table("item").field("id", column("id", "bigint")).primaryKey("id")));

    static final MigrationSet SET = Specs.set(INITIAL, SLUG, INDEX, AFTER_INDEX, SHOP);

    private static List<String> names(MigrateResult r) {
        return r.done().stream().map(d -> d.action() + " " + d.key()).toList();
    }

    private static long tables(Db db) throws Exception {
        return db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('keel_migrations', 'keel_backfill')");
    }

    @Test
    void deployPhaseDefersPostDeploymentMigrationsAndWhatDependsOnThem() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, SET, Specs.FAST, MigrateListener.silent())) {
            MigrateResult deploy = m.migrate(MigrateRequest.all());
            assertEquals(List.of("APPLY blog.0001_initial", "APPLY blog.0002_add_slug", "APPLY shop.0001_initial"), names(deploy));
            assertEquals(List.of(new Plan.Deferred(INDEX.key(), "post-deployment migration"),
                    new Plan.Deferred(AFTER_INDEX.key(), "depends on blog.0003_index_slug, which is deferred")),
                    deploy.plan().deferred());
            assertEquals(List.of(Mark.APPLIED, Mark.APPLIED, Mark.DEFERRED, Mark.DEFERRED, Mark.APPLIED),
                    m.status().migrations().stream().map(MigrationStatus::mark).toList());

            MigrateResult post = m.migrate(MigrateRequest.all().withPostDeploy());
            assertEquals(List.of("APPLY blog.0003_index_slug", "APPLY blog.0004_comment"), names(post));
            assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'post_slug_idx'::regclass AND indisvalid"));
            assertEquals(4, db.count("SELECT count(*) FROM keel_migrations WHERE app = 'blog' AND phase = 'applied'"
                    + " AND checksum ~ '^v2:[0-9a-f]{64}$' AND duration_ms >= 0 AND applied_at <= now()"));
            assertTrue(m.migrate(MigrateRequest.all()).done().isEmpty());
        }
    }

    /** Two branches each added a 0002 and were merged without a merge migration: nothing runs, and the leaves are named. */
    @Test
    void aForkedHistoryIsRefusedBeforeAnythingRuns() throws Exception {
        MigrationSpec otherBranch = Specs.spec("blog.0002_add_views").after("blog.0001_initial").ops(
                addField("post", "views", column("views", "integer").nullable()));
        MigrationSet forked = Specs.set(INITIAL, SLUG, otherBranch, SHOP);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, forked, Specs.FAST, MigrateListener.silent())) {
            var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
            assertEquals(ErrorKind.GRAPH, e.kind());
            assertEquals(4, e.kind().exitCode());
            assertTrue(e.getMessage().startsWith("app blog has 2 latest migrations: [0002_add_slug, 0002_add_views]"), e.getMessage());
            assertTrue(e.getMessage().contains("keel makemigrations --merge"), e.getMessage());
            assertEquals(0, tables(db));
            assertEquals(0, db.count("SELECT count(*) FROM keel_migrations"));
            var sameApp = assertThrows(KeelException.class, () -> m.migrate(new MigrateRequest("blog", null, false, false)));
            assertEquals(ErrorKind.GRAPH, sameApp.kind());
            assertEquals(List.of("APPLY shop.0001_initial"), names(m.migrate(new MigrateRequest("shop", null, false, false))));
        }
    }

    @Test
    void targetsByPrefixBackwardsAndZero() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, SET, Specs.FAST, MigrateListener.silent())) {
            assertEquals(List.of("APPLY blog.0001_initial", "APPLY blog.0002_add_slug"),
                    names(m.migrate(new MigrateRequest("blog", "0002", false, false))));
            db.execute("INSERT INTO post (title) VALUES ('Hello')");
            assertEquals(List.of("UNAPPLY blog.0002_add_slug"), names(m.migrate(new MigrateRequest("blog", "0001", false, false))));
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'slug'"));
            assertEquals(List.of("UNAPPLY blog.0001_initial"), names(m.migrate(new MigrateRequest("blog", "zero", false, false))));
            assertEquals(0, tables(db));
            var ambiguous = assertThrows(KeelException.class, () -> m.migrate(new MigrateRequest("blog", "000", false, false)));
            assertEquals(ErrorKind.USAGE, ambiguous.kind());
        }
    }

    @Test
    void fakeRecordsWithoutRunningAndUnrecordsBackwards() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, SET, Specs.FAST, MigrateListener.silent())) {
            MigrateResult r = m.migrate(new MigrateRequest("blog", "0001", true, false));
            assertEquals(List.of("FAKE_APPLY blog.0001_initial"), names(r));
            assertEquals(0, tables(db));
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
            m.migrate(new MigrateRequest("shop", null, false, false));
            assertEquals(1, tables(db));
            assertEquals(List.of("FAKE_UNAPPLY shop.0001_initial"), names(m.migrate(new MigrateRequest("shop", "zero", true, false))));
            assertEquals(1, tables(db), "the table stays");
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    @Test
    void planRunsNothing() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, SET, Specs.FAST, MigrateListener.silent())) {
            Plan plan = m.plan(MigrateRequest.all().withPostDeploy());
            assertEquals(5, plan.migrations().size());
            assertEquals(List.of("Add field slug to post", "Raw SQL: UPDATE post SET slug = lower(title)"),
                    plan.migrations().get(1).operations());
            assertEquals(0, tables(db));
            assertEquals(0, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'keel_migrations'"));
        }
    }

    @Test
    void irreversibleOperationStopsABackwardsPlanBeforeAnythingRuns() throws Exception {
        MigrationSpec purge = Specs.spec("blog.0002_purge").after("blog.0001_initial").ops(runSql("DELETE FROM post"));
        MigrationSpec third = Specs.spec("blog.0003_more").after("blog.0002_purge")
                .ops(addField("post", "more", column("more", "text").nullable()));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(INITIAL, purge, third), Specs.FAST,
                MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            var e = assertThrows(KeelException.class, () -> m.migrate(new MigrateRequest("blog", "zero", false, false)));
            assertEquals(ErrorKind.IRREVERSIBLE, e.kind());
            assertEquals(1, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'more'"),
                    "0003 was not unapplied either");
            assertEquals(3, db.count("SELECT count(*) FROM keel_migrations"));
        }
    }

    @Test
    void deployTimeStatementsRunUnderTheStatementTimeoutAndPostDeploymentOnesWithout() throws Exception {
        MigrationSpec slow = Specs.spec("blog.0002_slow").after("blog.0001_initial").ops(runSql("SELECT pg_sleep(0.5)", ""));
        MigrationSpec slowPost = Specs.spec("blog.0002_slow").after("blog.0001_initial").postDeployment()
                .ops(runSql("SELECT pg_sleep(0.5)", ""));
        RunnerSettings tight = Specs.FAST.withTimeouts(Duration.ofMillis(200), Duration.ofMillis(200));
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, slow), tight, MigrateListener.silent())) {
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().startsWith("migration blog.0002_slow (test:blog.0002_slow): applying failed at step 1"
                        + " of 1 (Raw SQL: SELECT pg_sleep(0.5)):\n    SELECT pg_sleep(0.5)\n"
                        + "The statement ran longer than statement_timeout 200ms.\n"), e.getMessage());
                assertTrue(e.getMessage().contains("Nothing of blog.0002_slow was applied"), e.getMessage());
                assertTrue(e.getMessage().contains("To fix: if it is slow because the table is large, move the operation to a"
                        + " post-deployment migration"), e.getMessage());
            }
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, slowPost), tight, MigrateListener.silent())) {
                assertEquals(1, m.migrate(MigrateRequest.all().withPostDeploy()).done().size());
            }
        }
    }
}
