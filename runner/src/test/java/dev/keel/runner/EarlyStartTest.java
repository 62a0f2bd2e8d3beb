package dev.keel.runner;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static dev.keel.runner.MigrateRoundTripsTest.Relay;
import static dev.keel.runner.MigrateRoundTripsTest.names;
import static dev.keel.runner.MigrateRoundTripsTest.through;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large first migration that only creates tables starts while keel plans the others ({@code EarlyStart}), its
 * transaction held open until the plan is decided: on a real server, the run applies, records and reports the same
 * migrations in the same order as a run that plans first, and every failure and refusal is the same, with the same
 * message, whether it is found while planning (nothing applied), in the first migration (nothing applied) or after it
 * (those before it applied). A run that plans first is one on a database whose sessions end idle transactions
 * ({@code idle_in_transaction_session_timeout}), where keel does not hold a transaction open.
 */
class EarlyStartTest {
    static final String WAIT = "wait for the first migration";

    /** {@code shop.0001_initial}: {@code tables} tables t0, t1, ..., one statement each (and a column {@code c} on t0). */
    static MigrationSpec initial(int tables, Operation... more) {
        var ops = new ArrayList<Operation>();
        for (int i = 0; i < tables; i++) {
            var t = table("t" + i).entity("T" + i).field("id", column("id", "bigint").identity(Identity.BY_DEFAULT));
            if (i == 0) {
                t = t.field("c", column("c", "integer").nullable());
            }
            ops.add(createModel("t" + i, t.primaryKey("id")));
        }
        ops.addAll(List.of(more));
        return Specs.spec("shop.0001_initial").ops(ops.toArray(Operation[]::new));
    }

    /** The initial migration of 60 tables, then {@code count} migrations each adding a column to t0, the one at {@code failing} of an unknown type. */
    static List<MigrationSpec> project(int count, int failing) {
        var specs = new ArrayList<MigrationSpec>(List.of(initial(60)));
        String previous = "shop.0001_initial";
        for (int i = 2; i <= count + 1; i++) {
            String name = String.format("shop.%04d_add_%d", i, i);
            specs.add(Specs.spec(name).after(previous).ops(
                    addField("t0", "x" + i, column("x_" + i, i == failing ? "no_such_type" : "integer").nullable())));
            previous = name;
        }
        return specs;
    }

    /** What one run of {@code migrate} did: its result or failure, what it reported, what went over the wire. */
    record Run(MigrateResult result, KeelException failure, List<String> events, List<String> phases, String wire,
               List<String> recorded, int roundTrips) {}

    /**
     * {@code migrate} of {@code set} onto a fresh database (after {@code setup}), through a relay; with {@code planFirst},
     * on a database whose sessions end idle transactions, where the run plans everything before it sends anything.
     */
    static Run run(MigrationSet set, boolean planFirst, RunnerSettings settings, String... setup) throws Exception {
        try (Db db = Db.fresh()) {
            db.execute(setup);
            if (planFirst) {
                String name = db.string("SELECT current_database()");
                db.execute("ALTER DATABASE \"" + name + "\" SET idle_in_transaction_session_timeout = '10min'");
            }
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            var recorder = new Recorder();
            try (Relay relay = new Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(set, through(relay, db), settings, recorder)) {
                int before = relay.roundTrips.get();
                MigrateResult result = null;
                KeelException failure = null;
                try {
                    result = m.migrate(MigrateRequest.all());
                } catch (KeelException e) {
                    failure = e;
                }
                int trips = relay.roundTrips.get() - before;
                // the session is left clean: nothing open, a later command on it works
                assertEquals(0, db.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + Migrator.APPLICATION_NAME + "' AND state LIKE 'idle in transaction%'"));
                m.status();
                // each record holds its own migration's checksum: a second run finds the history as it should be
                try (var st = db.connection.createStatement();
                     var r = st.executeQuery("SELECT app, name, checksum FROM keel_migrations")) {
                    while (r.next()) {
                        var key = new dev.keel.migration.MigrationKey(r.getString(1), r.getString(2));
                        assertEquals(set.checksum(key), r.getString(3), "the checksum recorded for " + key);
                    }
                }
                if (failure == null) {
                    assertEquals(List.of(), m.migrate(MigrateRequest.all()).done(), "a second run has nothing to do");
                }
                return new Run(result, failure, List.copyOf(recorder.events), List.copyOf(recorder.phases),
                        relay.sent.toString(), names(db), trips);
            }
        }
    }

    static Run run(List<MigrationSpec> specs, boolean planFirst, String... setup) throws Exception {
        return run(Specs.set(specs.toArray(MigrationSpec[]::new)), planFirst, Specs.FAST, setup);
    }

    /** The same migrations, reports and failure as a run that plans first; the first migration started early. */
    static void sameAsPlanningFirst(Run early, Run planFirst) {
        assertTrue(early.phases.contains(WAIT), "the first migration was sent while planning: " + early.phases);
        assertFalse(planFirst.phases.contains(WAIT), "a session that ends idle transactions plans first");
        assertEquals(planFirst.events, early.events);
        assertEquals(planFirst.recorded, early.recorded);
        assertEquals(planFirst.failure == null ? null : planFirst.failure.getMessage(),
                early.failure == null ? null : early.failure.getMessage());
        if (planFirst.result != null) {
            assertEquals(planFirst.result.done().stream().map(MigrateResult.Done::key).toList(),
                    early.result.done().stream().map(MigrateResult.Done::key).toList());
            assertEquals(planFirst.result.plan().deferred(), early.result.plan().deferred());
        }
    }

    @Test
    void aLargeFirstMigrationRunsWhileTheOthersArePlannedAndIsCommittedWithTheNextSend() throws Exception {
        Run early = run(project(10, -1), false);
        Run planFirst = run(project(10, -1), true);
        sameAsPlanningFirst(early, planFirst);
        assertEquals(11, early.recorded.size());
        var expected = new ArrayList<String>();
        for (MigrationSpec m : project(10, -1)) {
            expected.add("Applying " + m.key());
            expected.add("done " + m.key());
        }
        assertEquals(expected, early.events, "each applied and reported in plan order, once");
        // the initial migration alone (63 statements: it went while the others were planned), then its COMMIT with the
        // ten others; planning first, all eleven in one send. Both set the session's commit setting and the timeouts in
        // one round trip (where the fixed ones count two), as the first migration is about to go early (when the session
        // does not allow it, nothing is sent and the send later finds the timeouts set)
        assertEquals(MigrateRoundTripsTest.FIXED_ROUND_TRIPS + 1, early.roundTrips);
        assertEquals(MigrateRoundTripsTest.FIXED_ROUND_TRIPS, planFirst.roundTrips);
    }

    /**
     * When the migration after it cannot go in the same send (a migration run a step at a time), the first migration's
     * {@code COMMIT} goes alone, then the others as before.
     */
    @Test
    void theFirstMigrationIsCommittedAloneBeforeOneThatRunsOnItsOwn() throws Exception {
        var specs = new ArrayList<MigrationSpec>(List.of(initial(60)));
        specs.add(Specs.spec("shop.0002_steps").after("shop.0001_initial").nonAtomic().ops(
                addField("t1", "a", column("a", "integer").nullable()), addField("t1", "b", column("b", "integer").nullable())));
        specs.add(Specs.spec("shop.0003_more").after("shop.0002_steps").ops(addField("t2", "c", column("c", "integer").nullable())));
        Run early = run(specs, false);
        Run planFirst = run(specs, true);
        sameAsPlanningFirst(early, planFirst);
        assertEquals(List.of("0001_initial", "0002_steps", "0003_more"), early.recorded);
        assertEquals(planFirst.roundTrips + 1, early.roundTrips, "the first migration's COMMIT alone");
    }

    /** Each migration committed in its own transaction with its record, the first one too. */
    @Test
    void theFirstMigrationIsCommittedWithItsRecordInItsOwnTransaction() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(project(3, -1).toArray(MigrationSpec[]::new)),
                Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            assertEquals(4, db.count("SELECT count(DISTINCT applied_at) FROM keel_migrations"));
            assertEquals(60, db.count("SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'"));
            assertEquals(3, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 't0'"
                    + " AND column_name LIKE 'x\\_%'"));
        }
    }

    /**
     * A refusal found while planning, after the first migration was sent: it is rolled back, nothing is applied or
     * recorded or reported, and the message is the one a run that plans first gives.
     */
    @Test
    void aRefusalFoundWhilePlanningRollsBackTheFirstMigrationSentEarly() throws Exception {
        var specs = new ArrayList<>(project(4, -1));
        specs.add(Specs.spec("shop.0006_bad").after("shop.0005_add_5").ops(removeField("t0", "no_such_field")));
        Run early = run(specs, false);
        Run planFirst = run(specs, true);
        assertTrue(early.wire.contains("CREATE TABLE t59"), "the first migration went to the server while planning");
        assertFalse(planFirst.wire.contains("CREATE TABLE t59"), "planning first, nothing is sent");
        assertTrue(early.failure != null && early.failure.getMessage().contains("no_such_field"), String.valueOf(early.failure));
        assertEquals(List.of(), early.recorded);
        assertEquals(List.of(), early.events);
        assertEquals(planFirst.failure.getMessage(), early.failure.getMessage());
        assertFalse(planFirst.phases.contains(WAIT));
    }

    /** The first migration fails in its statements: reported as when it is sent after planning, nothing applied. */
    @Test
    void aFailureOfTheFirstMigrationIsReportedAsBeforeAndNothingOfItStays() throws Exception {
        String[] setup = {"CREATE TABLE t30 (x integer)"};
        Run early = run(project(3, -1), false, setup);
        Run planFirst = run(project(3, -1), true, setup);
        sameAsPlanningFirst(early, planFirst);
        assertTrue(early.failure.getMessage().startsWith("migration shop.0001_initial (test:shop.0001_initial): applying"
                + " failed at step 31 of 60"), early.failure.getMessage());
        assertTrue(early.failure.getMessage().contains("relation \"t30\" already exists"), early.failure.getMessage());
        assertEquals(List.of("Applying shop.0001_initial"), early.events);
        assertEquals(List.of(), early.recorded);
    }

    /** A failure after the first migration: it and those before the failure applied and reported, nothing after. */
    @Test
    void aFailureAfterTheFirstMigrationLeavesThoseBeforeItApplied() throws Exception {
        for (int failing : new int[] {2, 3, 7}) {
            Run early = run(project(8, failing), false);
            Run planFirst = run(project(8, failing), true);
            sameAsPlanningFirst(early, planFirst);
            String key = String.format("shop.%04d_add_%d", failing, failing);
            assertTrue(early.failure.getMessage().startsWith("migration " + key + " (test:" + key + "): applying failed"),
                    early.failure.getMessage());
            assertEquals(failing - 1, early.recorded.size(), "the initial migration and those before the failure");
            assertEquals("Applying " + key, early.events.get(early.events.size() - 1));
        }
    }

    /**
     * The first migration qualifies only when it touches nothing that existed before it: one that also adds a foreign
     * key to a table an earlier run created (a lock on that table) runs after planning, as before.
     */
    @Test
    void aFirstMigrationThatLocksAnExistingTableWaitsForThePlan() throws Exception {
        MigrationSpec customer = Specs.spec("crm.0001_initial").ops(createModel("customer", table("customer")
                .entity("Customer").field("id", column("id", "bigint").identity(Identity.BY_DEFAULT)).primaryKey("id")));
        var ops = new ArrayList<Operation>();
        for (int i = 0; i < 60; i++) {
            ops.add(createModel("t" + i, table("t" + i).entity("T" + i)
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("customer", column("customer_id", "bigint").nullable()).primaryKey("id")));
        }
        ops.add(addConstraint("t0", foreignKey("t0_customer_fk", "customer_id").references("customer", "id")));
        MigrationSpec shop = Specs.spec("shop.0001_initial").after("crm.0001_initial").ops(ops.toArray(Operation[]::new));
        MigrationSpec next = Specs.spec("shop.0002_next").after("shop.0001_initial").ops(
                addField("t1", "x", column("x", "integer").nullable()));
        var set = Specs.set(customer, shop, next);
        try (Db db = Db.fresh()) {
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, set, Specs.FAST, recorder)) {
                m.migrate(new MigrateRequest("crm", "0001_initial", false, false));
                recorder.phases.clear();
                m.migrate(MigrateRequest.all());
                assertFalse(recorder.phases.contains(WAIT), "a lock on customer would be held while planning");
                assertEquals(List.of("0001_initial", "0001_initial", "0002_next"), names(db));
            }
        }
        // without the foreign key to the table that existed before, it goes early
        MigrationSpec alone = Specs.spec("shop.0001_initial").after("crm.0001_initial")
                .ops(ops.subList(0, 60).toArray(Operation[]::new));
        try (Db db = Db.fresh()) {
            var recorder = new Recorder();
            try (Migrator m = Specs.migrator(db, Specs.set(customer, alone, next), Specs.FAST, recorder)) {
                m.migrate(new MigrateRequest("crm", "0001_initial", false, false));
                m.migrate(MigrateRequest.all());
                assertTrue(recorder.phases.contains(WAIT), String.valueOf(recorder.phases));
            }
        }
    }

    /**
     * The migrations moved to the post-deployment phase for building on a large table are the same: the sizes are read
     * as before the run, a table the first migration creates counting as absent (listed in largeTables by name only),
     * one that existed with its rows.
     */
    @Test
    void largeTableMovesAreDecidedOnTheSizesBeforeTheRun() throws Exception {
        MigrationSpec big = Specs.spec("shop.0000_big").ops(createModel("big", table("big").entity("Big")
                .field("id", column("id", "bigint")).primaryKey("id")));
        var ops = new ArrayList<Operation>();
        for (int i = 0; i < 60; i++) {
            ops.add(createModel("t" + i, table("t" + i).entity("T" + i)
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT)).primaryKey("id")));
        }
        MigrationSpec tables = Specs.spec("shop.0001_initial").after("shop.0000_big").ops(ops.toArray(Operation[]::new));
        MigrationSpec onNew = Specs.spec("shop.0002_index_t1").after("shop.0001_initial").nonAtomic().ops(
                addIndex("t1", index("t1_id_idx", "id"), true));
        MigrationSpec onBig = Specs.spec("shop.0003_index_big").after("shop.0002_index_t1").nonAtomic().ops(
                addIndex("big", index("big_id_idx", "id"), true));
        MigrationSpec after = Specs.spec("other.0001_initial").after("shop.0001_initial").ops(createModel("o", table("o")
                .entity("O").field("id", column("id", "bigint")).primaryKey("id")));
        RunnerSettings settings = Specs.FAST.withLargeTables(new LargeTables(50, Set.of("t1")));
        var set = Specs.set(big, tables, onNew, onBig, after);
        var runs = new ArrayList<Run>();
        for (boolean planFirst : new boolean[] {false, true}) {
            try (Db db = Db.fresh()) {
                if (planFirst) {
                    db.execute("ALTER DATABASE \"" + db.string("SELECT current_database()")
                            + "\" SET idle_in_transaction_session_timeout = '10min'");
                }
                var recorder = new Recorder();
                try (Migrator m = Specs.migrator(db, set, settings, recorder)) {
                    m.migrate(new MigrateRequest("shop", "0000_big", false, false));
                    db.execute("INSERT INTO big SELECT g FROM generate_series(1, 100) g", "ANALYZE big");
                    recorder.events.clear();
                    recorder.phases.clear();
                    MigrateResult r = m.migrate(MigrateRequest.all());
                    runs.add(new Run(r, null, List.copyOf(recorder.events), List.copyOf(recorder.phases), "",
                            names(db), 0));
                }
            }
        }
        sameAsPlanningFirst(runs.get(0), runs.get(1));
        List<Plan.Deferred> deferred = runs.get(0).result.plan().deferred();
        assertEquals(List.of("shop.0002_index_t1", "shop.0003_index_big"),
                deferred.stream().map(d -> d.key().toString()).toList());
        assertTrue(deferred.get(0).reason().endsWith("keel.json lists in largeTables (\"t1\")"), deferred.get(0).reason());
        assertTrue(deferred.get(1).reason().contains("rows estimated, at or above the large-table threshold"),
                deferred.get(1).reason());
    }
}
