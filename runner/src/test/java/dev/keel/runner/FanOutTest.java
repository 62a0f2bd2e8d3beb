package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.routing.Router;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code migrate --all-targets} over six real databases (tenants), one of which fails part-way:
 * bounded parallelism, no new target after the first failure unless told to keep going, a result
 * per target, credentials never in a result, and a second run that goes on where each target stopped.
 */
class FanOutTest {
    static final MigrationSpec POST = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").field("id", column("id", "bigint")).primaryKey("id")));
    static final MigrationSpec COMMENT = Specs.spec("blog.0002_comment").after("blog.0001_initial").ops(
            createModel("comment", table("comment").field("id", column("id", "bigint")).primaryKey("id")));
    static final MigrationSet SET = Specs.set(POST, COMMENT);
    static final String SECRET = "hunter2-tenant-secret";

    private final List<Db> dbs = new ArrayList<>();
    private List<FanOut.Target> targets;

    @BeforeEach
    void sixTenants() throws Exception {
        targets = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Db db = Db.fresh();
            dbs.add(db);
            String url = db.database.url() + (db.database.url().contains("?") ? "&" : "?") + "password=" + SECRET;
            targets.add(new FanOut.Target("tenants/t" + i, "default",
                    new Database(url, db.database.user(), SECRET, "TENANT_PW", "start the test server")));
        }
        // tenant 3 already has a table comment: its run applies 0001, then 0002 fails
        dbs.get(2).execute("CREATE TABLE comment (x int)");
    }

    @AfterEach
    void close() throws Exception {
        for (Db db : dbs) {
            db.close();
        }
    }

    private static List<FanOut.TargetResult> run(List<FanOut.Target> targets, int parallel, boolean keepGoing,
                                                 List<String> events) {
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        List<FanOut.TargetResult> results = FanOut.migrate(SET, Router.single(), db -> Specs.FAST, targets,
                MigrateRequest.all(), parallel, keepGoing, new FanOut.Progress() {
                    @Override
                    public void started(FanOut.Target t) {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        events.add("start " + t.name());
                    }

                    @Override
                    public void finished(FanOut.TargetResult r) {
                        if (r.outcome() != FanOut.Outcome.NOT_STARTED) {
                            running.decrementAndGet();
                        }
                        events.add(r.outcome() + " " + r.target());
                    }
                });
        assertTrue(most.get() <= parallel, "at most " + parallel + " targets at once, saw " + most.get());
        return results;
    }

    private static List<FanOut.Outcome> outcomes(List<FanOut.TargetResult> results) {
        return results.stream().map(FanOut.TargetResult::outcome).toList();
    }

    @Test
    void stopsStartingTargetsAfterTheFirstFailureThenGoesOnWhereEachStopped() throws Exception {
        var events = Collections.synchronizedList(new ArrayList<String>());
        List<FanOut.TargetResult> first = run(targets, 1, false, events);
        assertEquals(List.of(FanOut.Outcome.MIGRATED, FanOut.Outcome.MIGRATED, FanOut.Outcome.FAILED,
                FanOut.Outcome.NOT_STARTED, FanOut.Outcome.NOT_STARTED, FanOut.Outcome.NOT_STARTED), outcomes(first));
        assertEquals(List.of("start tenants/t1", "MIGRATED tenants/t1", "start tenants/t2", "MIGRATED tenants/t2",
                "start tenants/t3", "FAILED tenants/t3", "NOT_STARTED tenants/t4", "NOT_STARTED tenants/t5",
                "NOT_STARTED tenants/t6"), events);
        FanOut.TargetResult failed = first.get(2);
        assertEquals(List.of("blog.0001_initial"), failed.applied());
        assertTrue(failed.error().contains("blog.0002_comment"), failed.error());
        assertEquals(5, failed.exitCode());
        for (FanOut.TargetResult r : first) {
            assertFalse(String.valueOf(r.error()).contains(SECRET), "a password in " + r);
            assertFalse(r.toString().contains(SECRET), "a password in " + r);
        }
        assertEquals(0, dbs.get(3).count("SELECT count(*) FROM pg_tables WHERE tablename = 'keel_migrations'"));

        // the failure is fixed; the second run goes on where each target stopped, three at a time
        dbs.get(2).execute("DROP TABLE comment");
        events.clear();
        List<FanOut.TargetResult> second = run(targets, 3, false, events);
        assertEquals(Collections.nCopies(6, FanOut.Outcome.MIGRATED), outcomes(second));
        assertEquals(List.of(), second.get(0).applied());
        assertEquals(List.of(), second.get(1).applied());
        assertEquals(List.of("blog.0002_comment"), second.get(2).applied());
        assertEquals(List.of("blog.0001_initial", "blog.0002_comment"), second.get(3).applied());
        for (Db db : dbs) {
            assertEquals(2, db.count("SELECT count(*) FROM keel_migrations WHERE phase = 'applied'"));
            assertEquals(1, db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'comment'"));
        }
    }

    @Test
    void keepGoingMigratesEveryOtherTarget() throws Exception {
        var events = Collections.synchronizedList(new ArrayList<String>());
        List<FanOut.TargetResult> results = run(targets, 2, true, events);
        assertEquals(List.of(FanOut.Outcome.MIGRATED, FanOut.Outcome.MIGRATED, FanOut.Outcome.FAILED,
                FanOut.Outcome.MIGRATED, FanOut.Outcome.MIGRATED, FanOut.Outcome.MIGRATED), outcomes(results));
        assertNull(results.get(5).error());
        assertEquals(2, dbs.get(5).count("SELECT count(*) FROM keel_migrations"));
        assertEquals(1, dbs.get(2).count("SELECT count(*) FROM keel_migrations WHERE phase = 'applied'"));
    }
}
