package dev.keel.runner;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.routing.Router;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static dev.keel.runner.MigrateRoundTripsTest.Relay;
import static dev.keel.runner.MigrateRoundTripsTest.names;
import static dev.keel.runner.MigrateRoundTripsTest.through;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start of the plan built before the history is read ({@link Migrator#planAhead}: the graph, the plan, the state
 * the first migration meets and its script, for a database where keel recorded nothing): on a real server, a run onto
 * an empty database takes it (the phase {@code plan built ahead}) and sends, records and reports exactly what a run
 * that builds it after reading the history does; a database with a history, another request, another routing, or a plan
 * that cannot be built leave it unused, with the same results and failures as without it.
 */
class PlanAheadTest {
    static final String AHEAD = "plan built ahead";

    /** What one run did: its result or failure, the listener's events and phases, what went over the wire, the records. */
    record Run(MigrateResult result, KeelException failure, List<String> events, List<String> phases, String wire,
               List<String> recorded, String schema) {}

    interface Setup {
        void on(Db db, Migrator m) throws Exception;
    }

    interface Ahead {
        Migrator.Ahead of(MigrationSet set);
    }

    /** {@code request} of {@code set} onto a fresh database after {@code setup}, through a relay, with the plan {@code ahead} gives. */
    static Run run(MigrationSet set, MigrateRequest request, Setup setup, Ahead ahead) throws Exception {
        try (Db db = Db.fresh()) {
            URI uri = URI.create(db.database.url().substring("jdbc:".length()));
            try (Relay relay = new Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(set, through(relay, db), Specs.FAST, MigrateListener.silent())) {
                setup.on(db, m);
            }
            var recorder = new Recorder();
            try (Relay relay = new Relay(uri.getHost(), uri.getPort());
                 Migrator m = Migrator.connect(set, through(relay, db), Specs.FAST, recorder)) {
                Migrator.Ahead planned = ahead == null ? null : ahead.of(set);
                MigrateResult result = null;
                KeelException failure = null;
                try {
                    result = m.migrate(request, planned);
                } catch (KeelException e) {
                    failure = e;
                }
                // each run's own database name aside
                String wire = relay.sent.toString().replace(db.string("SELECT current_database()"), "DB");
                return new Run(result, failure, List.copyOf(recorder.events), List.copyOf(recorder.phases), wire,
                        names(db), db.string("SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY 1)"
                        + " FROM information_schema.columns WHERE table_schema = 'public'"));
            }
        }
    }

    static final Setup NOTHING = (db, m) -> { };

    /** The same statements on the wire, the same records, reports, schema and failure. */
    static void same(Run without, Run with) {
        assertEquals(without.wire, with.wire);
        assertEquals(without.events, with.events);
        assertEquals(without.recorded, with.recorded);
        assertEquals(without.schema, with.schema);
        assertEquals(without.failure == null ? null : without.failure.getMessage(),
                with.failure == null ? null : with.failure.getMessage());
        if (without.result != null) {
            assertEquals(without.result.done().stream().map(MigrateResult.Done::key).toList(),
                    with.result.done().stream().map(MigrateResult.Done::key).toList());
            assertEquals(without.result.plan(), with.result.plan());
        }
        assertFalse(without.phases.contains(AHEAD));
    }

    static MigrationSet set(List<MigrationSpec> specs) {
        return Specs.set(specs.toArray(MigrationSpec[]::new));
    }

    @Test
    void anEmptyDatabaseTakesThePlanBuiltAheadAndRunsTheSame() throws Exception {
        MigrationSet set = set(EarlyStartTest.project(12, -1));
        Run with = run(set, MigrateRequest.all(), NOTHING, s -> Migrator.planAhead(s, MigrateRequest.all()));
        Run without = run(set, MigrateRequest.all(), NOTHING, null);
        assertTrue(with.phases.contains(AHEAD), with.phases.toString());
        assertTrue(with.phases.contains(EarlyStartTest.WAIT), "the first migration still starts early: " + with.phases);
        same(without, with);
        assertEquals(13, with.recorded.size());
    }

    /** A database where keel recorded migrations: the plan built for an empty history is not used. */
    @Test
    void aDatabaseWithAHistoryDoesNotTakeIt() throws Exception {
        MigrationSet set = set(EarlyStartTest.project(6, -1));
        Setup firstTwo = (db, m) -> m.migrate(new MigrateRequest("shop", "0002_add_2", false, false));
        Run with = run(set, MigrateRequest.all(), firstTwo, s -> Migrator.planAhead(s, MigrateRequest.all()));
        Run without = run(set, MigrateRequest.all(), firstTwo, null);
        assertFalse(with.phases.contains(AHEAD), with.phases.toString());
        same(without, with);
        assertEquals(7, with.recorded.size());
        assertEquals(5, with.result.done().size());
    }

    /** Built for another request, or for another database of the project: not used. */
    @Test
    void anotherRequestOrRoutingDoesNotTakeIt() throws Exception {
        MigrationSet set = set(EarlyStartTest.project(6, -1));
        var target = new MigrateRequest("shop", "0004_add_4", false, false);
        Run other = run(set, target, NOTHING, s -> Migrator.planAhead(s, MigrateRequest.all()));
        Run without = run(set, target, NOTHING, null);
        assertFalse(other.phases.contains(AHEAD), other.phases.toString());
        same(without, other);
        assertEquals(4, other.recorded.size());
        Run routed = run(set, MigrateRequest.all(), NOTHING,
                s -> Migrator.planAhead(s, MigrateRequest.all(), Router.of(List.of("default", "audit")), "audit"));
        assertFalse(routed.phases.contains(AHEAD), routed.phases.toString());
        same(run(set, MigrateRequest.all(), NOTHING, null), routed);
        // the same routing made again (the command line makes its router twice) is the same routing
        Run single = run(set, MigrateRequest.all(), NOTHING,
                s -> Migrator.planAhead(s, MigrateRequest.all(), null, "default"));
        assertTrue(single.phases.contains(AHEAD), single.phases.toString());
    }

    /**
     * A first migration that does not apply, or a target that does not exist: building ahead fails quietly, and the
     * run reports the failure where it did, with the same message; nothing applied.
     */
    @Test
    void whatCannotBeBuiltAheadFailsWhereItDid() throws Exception {
        var specs = new ArrayList<MigrationSpec>();
        specs.add(Specs.spec("shop.0001_initial").ops(removeField("t0", "no_such_field")));
        specs.add(Specs.spec("shop.0002_more").after("shop.0001_initial").ops(
                addField("t0", "x", column("x", "integer").nullable())));
        MigrationSet set = set(specs);
        Run with = run(set, MigrateRequest.all(), NOTHING, s -> Migrator.planAhead(s, MigrateRequest.all()));
        Run without = run(set, MigrateRequest.all(), NOTHING, null);
        assertNotNull(with.failure);
        assertTrue(with.failure.getMessage().contains("no_such_field"), with.failure.getMessage());
        assertFalse(with.phases.contains(AHEAD));
        same(without, with);
        assertEquals(List.of(), with.recorded);

        MigrationSet good = set(EarlyStartTest.project(3, -1));
        var unknown = new MigrateRequest("shop", "0009_nothing", false, false);
        Run target = run(good, unknown, NOTHING, s -> Migrator.planAhead(s, unknown));
        assertNotNull(target.failure);
        assertNull(target.result);
        same(run(good, unknown, NOTHING, null), target);
    }
}
