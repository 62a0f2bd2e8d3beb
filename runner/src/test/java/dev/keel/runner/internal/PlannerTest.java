package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.Plan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner and the statuses from a history, without a database. */
class PlannerTest {
    static MigrationSpec spec(String name, String dep, boolean atomic, boolean post) {
        return new MigrationSpec(new MigrationKey("blog", name), dep == null ? List.of() : List.of(new MigrationKey("blog", dep)),
                List.of(runSql("SELECT 1", "")), atomic, post, dep == null, List.of(), "test");
    }

    static final MigrationSet SET = MigrationSet.of(List.of(spec("0001_a", null, true, false), spec("0002_b", "0001_a", false, false),
            spec("0003_c", "0002_b", true, true)), JavaCode.none());

    static Map<MigrationKey, HistoryRow> rows(HistoryRow... rows) {
        var map = new TreeMap<MigrationKey, HistoryRow>();
        for (HistoryRow r : rows) {
            map.put(r.key(), r);
        }
        return map;
    }

    static HistoryRow row(String name, HistoryRow.Phase phase, int steps) {
        var key = new MigrationKey("blog", name);
        return new HistoryRow(key, SET.checksum(key), Instant.parse("2024-05-01T10:00:00Z"), 5, phase, steps);
    }

    @Test
    void aPartApplyingMigrationIsResumedForwards() {
        var rows = rows(row("0001_a", HistoryRow.Phase.APPLIED, 0), row("0002_b", HistoryRow.Phase.APPLYING, 1));
        Plan plan = Planner.plan(SET.graph(Planner.applied(rows)), rows, MigrateRequest.all()).view();
        assertEquals(List.of(new MigrationKey("blog", "0002_b")), plan.migrations().stream().map(Plan.Planned::key).toList());
        assertEquals(1, plan.migrations().get(0).resumeFrom());
        assertEquals(List.of(new Plan.Deferred(new MigrationKey("blog", "0003_c"), "post-deployment migration")), plan.deferred());
    }

    @Test
    void goingBackPastAPartAppliedMigrationUndoesTheStepsItDidFirst() {
        var rows = rows(row("0001_a", HistoryRow.Phase.APPLIED, 0), row("0002_b", HistoryRow.Phase.APPLYING, 1));
        var result = Planner.plan(SET.graph(Planner.applied(rows)), rows, new MigrateRequest("blog", "zero", false, false));
        assertTrue(result.plan().backwards());
        assertEquals(List.of(new MigrationKey("blog", "0002_b"), new MigrationKey("blog", "0001_a")),
                result.plan().migrations().stream().map(MigrationSpec::key).toList());
        assertEquals(Map.of(new MigrationKey("blog", "0002_b"), 1), result.undoPartial());
        var toA = Planner.plan(SET.graph(Planner.applied(rows)), rows, new MigrateRequest("blog", "0001_a", false, false));
        assertEquals(List.of(new MigrationKey("blog", "0002_b")), toA.plan().migrations().stream().map(MigrationSpec::key).toList());
    }

    @Test
    void goingForwardPastAPartUnappliedMigrationIsRefused() {
        var rows = rows(row("0001_a", HistoryRow.Phase.APPLIED, 0), row("0002_b", HistoryRow.Phase.UNAPPLYING, 1));
        var e = assertThrows(KeelException.class, () -> Planner.plan(SET.graph(Planner.applied(rows)), rows,
                MigrateRequest.all()));
        assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
    }

    @Test
    void statusesMarkEachCase() {
        var rows = rows(row("0001_a", HistoryRow.Phase.APPLIED, 0), row("0002_b", HistoryRow.Phase.APPLYING, 1),
                new HistoryRow(new MigrationKey("blog", "0000_gone"), "abc", Instant.EPOCH, 1, HistoryRow.Phase.APPLIED, 0));
        var report = Statuses.of(SET, rows);
        assertEquals(List.of(MigrationStatus.Mark.APPLIED, MigrationStatus.Mark.PARTIAL, MigrationStatus.Mark.DEFERRED,
                MigrationStatus.Mark.MISSING), report.migrations().stream().map(MigrationStatus::mark).toList());
        assertEquals("part-applied: 1 steps done when a run stopped; keel migrate finishes it, or keel migrate blog 0001_a undoes them", report.migrations().get(1).note());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).startsWith("keel_migrations: migration blog.0000_gone is recorded as applied"
                + " (on 1970-01-01 00:00:00 UTC), but no migration file defines it."), report.problems().get(0));
        assertEquals(MigrationStatus.Mark.NOT_APPLIED, Statuses.of(SET, rows(row("0001_a", HistoryRow.Phase.APPLIED, 0)))
                .migrations().get(1).mark());
    }

    /** Two latest migrations of one app: the planner refuses, the statuses mark both and say how to join them. */
    @Test
    void aForkIsRefusedByThePlannerAndShownByTheStatuses() {
        MigrationSet forked = MigrationSet.of(List.of(spec("0001_a", null, true, false), spec("0002_b", "0001_a", true, false),
                spec("0002_x", "0001_a", true, false)), JavaCode.none());
        var rows = rows(row("0001_a", HistoryRow.Phase.APPLIED, 0));
        var e = assertThrows(KeelException.class, () -> Planner.plan(forked.graph(Planner.applied(rows)), rows, MigrateRequest.all()));
        assertEquals(ErrorKind.GRAPH, e.kind());
        var report = Statuses.of(forked, rows);
        assertEquals(java.util.Arrays.asList(null, "fork: one of 2 latest migrations of blog; keel makemigrations --merge joins them",
                "fork: one of 2 latest migrations of blog; keel makemigrations --merge joins them"),
                report.migrations().stream().map(MigrationStatus::note).toList());
        assertEquals(List.of("app blog has 2 latest migrations: [0002_b, 0002_x] (a forked history); keel migrate refuses it.\n"
                + "To fix: run keel makemigrations --merge (or keel renumber blog) and commit the result."), report.problems());
    }
}
