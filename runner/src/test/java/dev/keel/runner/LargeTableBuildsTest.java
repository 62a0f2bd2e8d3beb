package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationStatus.Mark;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index builds and validations at deploy time (issue 18.5): they run without the statement timeout (they block
 * no writes; the lock timeout still applies), and {@code migrate} leaves a migration that only builds or
 * validates on a large table (by the catalog's estimate, or listed in {@code largeTables}) for
 * {@code --post-deploy}, saying why in the plan and the status. The builds are made slow and deterministic with
 * an IMMUTABLE function that sleeps 10 ms a row, on 100 rows, against a 300 ms statement timeout.
 */
class LargeTableBuildsTest {
    static final RunnerSettings SHORT = Specs.FAST.withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300));

    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").field("id", column("id", "bigint")).primaryKey("id")
                    .field("score", column("score", "bigint").nullable())));
    /** keel's own concurrent build, of a partial index whose predicate takes 10 ms a row. */
    static final MigrationSpec BUILD = Specs.spec("blog.0002_post_score").after("blog.0001_initial").nonAtomic().ops(
            addIndex("post", index("post_score_idx", "score").where("slow_true(id)"), true));
    /** A hand-written concurrent build of an expression index, 10 ms a row. */
    static final MigrationSpec HAND_BUILD = Specs.spec("blog.0003_hand_index").after("blog.0002_post_score").nonAtomic().ops(
            runSql("CREATE INDEX CONCURRENTLY post_slow_key ON post (slow_key(id))",
                    "DROP INDEX CONCURRENTLY post_slow_key"));
    static final MigrationSpec ADD_CHECK = Specs.spec("blog.0002_score_check").after("blog.0001_initial").ops(
            addConstraint("post", check("post_score_slow", "slow_true(score)").notValid()));
    /** keel's validation, then the finishing steps that need it, in one transaction. */
    static final MigrationSpec VALIDATE = Specs.spec("blog.0003_validate").after("blog.0002_score_check").ops(
            validateConstraint("post", "post_score_slow"), removeConstraint("post", "post_score_slow"));
    static final MigrationSpec ADD_COLUMN = Specs.spec("blog.0004_add_title").after("blog.0003_hand_index").ops(
            addField("post", "title", column("title", "text").nullable()));

    private static void seed(Db db, String table) throws Exception {
        db.execute("CREATE FUNCTION slow_true(bigint) RETURNS boolean LANGUAGE plpgsql IMMUTABLE"
                        + " AS $$ BEGIN PERFORM pg_sleep(0.01); RETURN true; END $$",
                "CREATE FUNCTION slow_key(bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE"
                        + " AS $$ BEGIN PERFORM pg_sleep(0.01); RETURN $1; END $$",
                "INSERT INTO " + table + " SELECT g, g FROM generate_series(1, 100) g");
    }

    private static RunnerSettings threshold(RunnerSettings s, long rows, String... listed) {
        return s.withLargeTables(new LargeTables(rows, Set.of(listed)));
    }

    /**
     * {@code text} with each {@code N rows estimated} made {@code N rows estimated}, after checking that N counts at
     * least {@code rows}: the estimate may count more (the statistics can count the newest rows twice for a moment
     * after an ANALYZE on PostgreSQL 14), never fewer.
     */
    static String estimated(String text, long rows) {
        var m = java.util.regex.Pattern.compile("([\\d,]+) rows estimated").matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(n >= rows && n <= 2 * rows, n + " rows estimated, the table has " + rows + ": " + text);
        }
        return m.replaceAll("N rows estimated");
    }

    private static List<Plan.Deferred> estimated(List<Plan.Deferred> deferred, long rows) {
        return deferred.stream().map(d -> new Plan.Deferred(d.key(), estimated(d.reason(), rows))).toList();
    }

    private static boolean validIndex(Db db, String name) throws Exception {
        return db.count("SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('" + name + "') AND indisvalid") == 1;
    }

    @Test
    void concurrentBuildsLongerThanTheStatementTimeoutSucceedAtDeployTime() throws Exception {
        try (Db db = Db.fresh()) {
            var set = Specs.set(INITIAL, BUILD, HAND_BUILD);
            RunnerSettings settings = threshold(SHORT, 0);
            try (Migrator m = Specs.migrator(db, set, settings, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                long start = System.nanoTime();
                MigrateResult r = m.migrate(MigrateRequest.all());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() > 1500, "the builds took their time");
                assertEquals(List.of("0002_post_score", "0003_hand_index"),
                        r.done().stream().map(d -> d.key().name()).toList());
            }
            assertTrue(validIndex(db, "post_score_idx"));
            assertTrue(validIndex(db, "post_slow_key"));
        }
    }

    @Test
    void theLockTimeoutStillAppliesToABuild() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, BUILD), threshold(SHORT, 0), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                try (Connection other = db.database.connect()) {
                    other.setAutoCommit(false);
                    try (var st = other.createStatement()) {
                        st.execute("LOCK TABLE post IN SHARE UPDATE EXCLUSIVE MODE");
                    }
                    var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                    assertTrue(e.getMessage().contains("could not take its lock within lock_timeout 200ms"), e.getMessage());
                    other.rollback();
                }
            }
        }
    }

    @Test
    void aValidationLongerThanTheStatementTimeoutSucceedsButNotAfterAStrongLockInItsTransaction() throws Exception {
        try (Db db = Db.fresh()) {
            var set = Specs.set(INITIAL, ADD_CHECK, VALIDATE);
            try (Migrator m = Specs.migrator(db, set, threshold(SHORT, 0), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                m.migrate(MigrateRequest.all());
            }
            assertEquals(0, db.count("SELECT count(*) FROM pg_constraint WHERE conname = 'post_score_slow'"));
        }
        // the same validation after an ALTER TABLE in its transaction (which holds ACCESS EXCLUSIVE) keeps the timeout
        var both = Specs.spec("blog.0002_check_and_validate").after("blog.0001_initial").ops(
                addField("post", "title", column("title", "text").nullable()),
                addConstraint("post", check("post_score_slow", "slow_true(score)").notValid()),
                validateConstraint("post", "post_score_slow"));
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, both), threshold(SHORT, 0), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.DATABASE, e.kind());
                assertTrue(e.getMessage().contains("statement_timeout 300ms"), e.getMessage());
            }
        }
    }

    @Test
    void aBuildOnATableAboveTheThresholdIsLeftForPostDeployAndReported() throws Exception {
        try (Db db = Db.fresh()) {
            var set = Specs.set(INITIAL, BUILD, HAND_BUILD);
            RunnerSettings settings = threshold(Specs.FAST, 50);
            try (Migrator m = Specs.migrator(db, set, settings, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                db.execute("ANALYZE post");
                Plan plan = m.plan(MigrateRequest.all());
                assertEquals(List.of(), plan.migrations());
                assertEquals(List.of(
                        new Plan.Deferred(new MigrationKey("blog", "0002_post_score"), "moved to the post-deployment"
                                + " phase: it builds an index on table public.post, N rows estimated, at or above the"
                                + " large-table threshold of 50 rows (database.largeTableRows)"),
                        new Plan.Deferred(new MigrationKey("blog", "0003_hand_index"), "moved to the post-deployment"
                                + " phase: it builds an index on table public.post, N rows estimated, at or above the"
                                + " large-table threshold of 50 rows (database.largeTableRows)")),
                        estimated(plan.deferred(), 100));

                MigrateResult deploy = m.migrate(MigrateRequest.all());
                assertEquals(List.of(), deploy.done());
                assertEquals(2, deploy.plan().deferred().size());
                assertEquals(0, db.count("SELECT count(*) FROM pg_indexes WHERE tablename = 'post' AND indexname <> 'post_pkey'"));

                MigrationStatus status = m.status().migrations().stream()
                        .filter(s -> s.key().name().equals("0002_post_score")).findFirst().orElseThrow();
                assertEquals(Mark.DEFERRED, status.mark());
                assertTrue(estimated(status.note(), 100).contains("public.post, N rows estimated, at or above the large-table"
                        + " threshold of 50 rows"), status.note());

                MigrateResult post = m.migrate(MigrateRequest.all().withPostDeploy());
                assertEquals(2, post.done().size());
            }
            assertTrue(validIndex(db, "post_score_idx"));
        }
    }

    /** Moving a build must not hold back a later deploy-time migration (the column the new code needs) that depends on it. */
    @Test
    void aBuildThatDeployTimeWorkDependsOnStaysAtDeployTimeAndSaysSo() throws Exception {
        try (Db db = Db.fresh()) {
            var set = Specs.set(INITIAL, BUILD, HAND_BUILD, ADD_COLUMN);
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, set, threshold(Specs.FAST, 50), recorder)) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                db.execute("ANALYZE post");
                Plan plan = m.plan(MigrateRequest.all());
                assertEquals(List.of(), plan.deferred());
                assertEquals(3, plan.migrations().size());
                assertEquals(List.of(), m.status().migrations().stream().filter(s -> s.mark() == Mark.DEFERRED).toList());
                assertEquals(3, m.migrate(MigrateRequest.all()).done().size());
            }
            assertTrue(recorder.notices.stream().anyMatch(n -> n.startsWith("blog.0002_post_score builds an index on table"
                    + " public.post, ") && n.contains("but stays at deploy time: blog.0004_add_title, which does other work"
                    + " at deploy time, depends on it.")), recorder.notices.toString());
            assertTrue(validIndex(db, "post_slow_key"));
        }
    }

    @Test
    void theJavaApiMovesTheSameMigrations() throws Exception {
        try (Db db = Db.fresh()) {
            var set = Specs.set(INITIAL, BUILD);
            Keel.configure().dataSource(db.database.dataSource()).migrations(Specs.set(INITIAL)).load().migrate();
            seed(db, "post");
            db.execute("ANALYZE post");
            Keel keel = Keel.configure().dataSource(db.database.dataSource()).migrations(set).largeTableRows(50).load();
            List<Plan.Deferred> deferred = keel.plan().deferred();
            assertEquals(1, deferred.size());
            assertTrue(estimated(deferred.get(0).reason(), 100).startsWith("moved to the post-deployment phase: it builds"
                    + " an index on table public.post, N rows estimated"), deferred.toString());
            assertEquals(List.of(), keel.migrate().done());
            assertEquals(Mark.DEFERRED, keel.status().migrations().get(1).mark());
            assertEquals(1, keel.migratePostDeploy().done().size());
            Keel listed = Keel.configure().dataSource(db.database.dataSource()).migrations(set).largeTableRows(0)
                    .largeTables(List.of("post")).load();
            assertEquals(List.of(), listed.plan().deferred(), "applied already");
        }
    }

    @Test
    void aBuildOnATableBelowTheThresholdRunsAtDeployTime() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, BUILD), threshold(Specs.FAST, 1000), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                seed(db, "post");
                db.execute("ANALYZE post");
                assertEquals(List.of(), m.plan(MigrateRequest.all()).deferred());
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            }
            assertTrue(validIndex(db, "post_score_idx"));
        }
    }

    @Test
    void aTableNobodyAnalyzedIsMeasuredByTheRowsTheStatisticsCount() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, BUILD), threshold(Specs.FAST, 50), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                db.execute("ALTER TABLE post SET (autovacuum_enabled = false)");
                seed(db, "post");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (db.count("SELECT coalesce(n_live_tup, 0) FROM pg_stat_all_tables WHERE relid = 'post'::regclass") < 100
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    db.execute("SELECT pg_stat_clear_snapshot()");
                }
                assertTrue(db.count("SELECT reltuples::bigint FROM pg_class WHERE oid = 'post'::regclass") <= 0,
                        "never analyzed: reltuples says nothing of the rows");
                List<Plan.Deferred> deferred = m.plan(MigrateRequest.all()).deferred();
                assertEquals(1, deferred.size());
                assertTrue(estimated(deferred.get(0).reason(), 100).contains("public.post, N rows estimated"), deferred.toString());
            }
        }
    }

    @Test
    void aTableListedInLargeTablesMovesWhateverItsSizeButOtherWorkStaysAtDeployTime() throws Exception {
        var mixed = Specs.spec("blog.0002_add_and_build").after("blog.0001_initial").nonAtomic().ops(
                addField("post", "title", column("title", "text").nullable()),
                addIndex("post", index("post_title_idx", "title"), true));
        try (Db db = Db.fresh()) {
            RunnerSettings listed = threshold(Specs.FAST, LargeTables.DEFAULT_ROWS, "post");
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, BUILD), listed, MigrateListener.silent())) {
                m.migrate(new MigrateRequest("blog", "0001", false, false));
                List<Plan.Deferred> deferred = m.plan(MigrateRequest.all()).deferred();
                assertEquals(List.of(new Plan.Deferred(new MigrationKey("blog", "0002_post_score"), "moved to the"
                        + " post-deployment phase: it builds an index on table public.post, which keel.json lists in"
                        + " largeTables (\"post\"), 0 rows estimated")), deferred);
            }
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, mixed), listed, MigrateListener.silent())) {
                assertEquals(List.of(), m.plan(MigrateRequest.all()).deferred(), "the new column is needed at deploy time");
                assertEquals(1, m.migrate(MigrateRequest.all()).done().size());
            }
        }
    }

    @Test
    void aValidationAndItsFinishingStepsOnALargeSchemaQualifiedTableMove() throws Exception {
        var validate = Specs.spec("sales.0002_validate").after("sales.0001_initial").ops(runSql(
                "ALTER TABLE sales.\"Order\" VALIDATE CONSTRAINT order_total_nn;\n"
                        + "-- the check proves the column NOT NULL\n"
                        + "ALTER TABLE sales.\"Order\" ALTER COLUMN total SET NOT NULL;\n"
                        + "ALTER TABLE sales.\"Order\" DROP CONSTRAINT order_total_nn;"));
        var initial = Specs.spec("sales.0001_initial").ops(runSql(
                "CREATE SCHEMA sales; CREATE TABLE sales.\"Order\" (id bigint PRIMARY KEY, total bigint);"
                        + " ALTER TABLE sales.\"Order\" ADD CONSTRAINT order_total_nn CHECK (total IS NOT NULL) NOT VALID"));
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(initial, validate), threshold(Specs.FAST, 50), MigrateListener.silent())) {
                m.migrate(new MigrateRequest("sales", "0001", false, false));
                db.execute("INSERT INTO sales.\"Order\" SELECT g, g FROM generate_series(1, 100) g", "ANALYZE sales.\"Order\"");
                List<Plan.Deferred> deferred = m.plan(MigrateRequest.all()).deferred();
                assertEquals(1, deferred.size());
                assertEquals("moved to the post-deployment phase: it validates a constraint on table sales.\"Order\", N"
                        + " rows estimated, at or above the large-table threshold of 50 rows (database.largeTableRows)",
                        estimated(deferred.get(0).reason(), 100));
                assertEquals(1, m.migrate(MigrateRequest.all().withPostDeploy()).done().size());
            }
            assertFalse(db.count("SELECT count(*) FROM pg_attribute WHERE attrelid = 'sales.\"Order\"'::regclass"
                    + " AND attname = 'total' AND attnotnull") == 0);
        }
    }

    @Test
    void sqlmigratePrintsTheBuildWithoutTheStatementTimeoutAndWhenItMoves() {
        var set = Specs.set(INITIAL, BUILD, ADD_CHECK, VALIDATE);
        String build = SqlMigrate.sql(set, Specs.FAST, "blog", "0002_post", false);
        assertTrue(build.contains("-- Index builds and validations only: keel migrate leaves it for --post-deploy when a"
                + " table it works on (post) holds 1,000,000 rows or more"), build);
        assertTrue(build.contains("SET lock_timeout = '200ms';\nSET statement_timeout = 0; -- an index build or"
                + " validation blocks no writes: no statement timeout (the lock timeout applies)\n-- [non-atomic step 1"
                + " of 1"), build);
        assertFalse(build.contains("5s"), build);
        String validate = SqlMigrate.sql(set, threshold(Specs.FAST, 1, "post"), "blog", "0003", false);
        assertTrue(validate.contains("-- Moved to the post-deployment phase: keel migrate leaves it for --post-deploy,"
                + " as it validates a constraint on table post, which keel.json lists in largeTables"
                + " (\"post\")."), validate);
        assertTrue(validate.contains("BEGIN;\nSET lock_timeout = '200ms';\nSET statement_timeout = 0; -- an index build"
                + " or validation"), validate);
        assertTrue(validate.contains("SET statement_timeout = '5s';\n-- Remove constraint"), validate);
    }
}
