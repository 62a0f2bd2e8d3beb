package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationPlan;
import dev.keel.graph.MigrationTarget;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.Plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what {@code migrate} runs: from the graph, what the history records and the request, the
 * migrations to apply or unapply in order; in the deploy phase, the post-deployment migrations, those
 * {@code migrate} moved there ({@link LargeTableMoves}), and those depending on them are left out and listed
 * as deferred.
 */
public final class Planner {
    /**
     * A plan with the specs the executor needs; {@code undoPartial} names the part-applied migrations the
     * plan undoes (first in a backwards plan), each with the number of its steps a stopped run did.
     */
    public record Result(MigrationGraph graph, Set<MigrationKey> applied, MigrationPlan plan, Plan view,
                         Map<MigrationKey, Integer> undoPartial) {
        public Result(MigrationGraph graph, Set<MigrationKey> applied, MigrationPlan plan, Plan view) {
            this(graph, applied, plan, view, Map.of());
        }
    }

    private Planner() {}

    /** The keys the history counts as applied. */
    public static Set<MigrationKey> applied(Map<MigrationKey, HistoryRow> rows) {
        var out = new TreeSet<MigrationKey>();
        rows.values().stream().filter(HistoryRow::countsAsApplied).forEach(r -> out.add(r.key()));
        return out;
    }

    /**
     * The plan for {@code request}.
     *
     * @throws KeelException of kind USAGE for an unknown or ambiguous target, of kind INCONSISTENT_HISTORY
     *                       when a migration a run left part-way is in the way, of kind GRAPH when an app
     *                       the request covers has two or more latest migrations (a forked history)
     */
    public static Result plan(MigrationGraph graph, Map<MigrationKey, HistoryRow> rows, MigrateRequest request) {
        return plan(graph, rows, request, Map.of());
    }

    /**
     * The plan for {@code request}, the migrations of {@code moved} treated as post-deployment ones (each with why).
     *
     * @throws KeelException as {@link #plan(MigrationGraph, Map, MigrateRequest)} does
     */
    public static Result plan(MigrationGraph graph, Map<MigrationKey, HistoryRow> rows, MigrateRequest request,
                              Map<MigrationKey, String> moved) {
        refuseForks(graph, request.app());
        Set<MigrationKey> applied = applied(rows);
        MigrationPlan plan;
        Map<MigrationKey, Integer> undoPartial = Map.of();
        if (request.app() == null) {
            plan = new MigrationPlan(MigrationPlan.Direction.FORWARDS, graph.forwardsPlan(applied, List.of()));
        } else if (request.target() == null) {
            List<MigrationKey> leaves = graph.leaves(request.app());
            plan = new MigrationPlan(MigrationPlan.Direction.FORWARDS,
                    leaves.isEmpty() ? List.of() : graph.forwardsPlan(applied, leaves));
        } else {
            MigrationTarget target = graph.resolve(request.app(), request.target());
            plan = graph.plan(applied, target);
            if (plan.backwards()) {
                undoPartial = partialsAfter(graph, rows, target);
                if (!undoPartial.isEmpty()) {
                    var all = new ArrayList<MigrationSpec>();
                    undoPartial.keySet().forEach(k -> all.add(graph.spec(k).orElseThrow()));
                    all.addAll(plan.migrations());
                    plan = new MigrationPlan(MigrationPlan.Direction.BACKWARDS, all);
                }
            }
        }
        checkPartial(graph, rows, plan);
        var deferred = new LinkedHashMap<MigrationKey, String>();
        var run = new ArrayList<MigrationSpec>();
        for (MigrationSpec m : plan.migrations()) {
            String reason = plan.backwards() || request.postDeploy() ? null : deferral(graph, m, moved, deferred);
            if (reason != null) {
                deferred.put(m.key(), reason);
            } else {
                run.add(m);
            }
        }
        MigrationPlan kept = new MigrationPlan(plan.direction(), run);
        return new Result(graph, applied, kept, view(kept, rows, request.fake(), deferred), undoPartial);
    }

    /**
     * Refuses, before anything runs, a history with two latest migrations in an app the request covers
     * (every app when it names none): which one goes first is not decided, and the order the two run in
     * would differ from one database to the next. A merge migration decides it.
     */
    static void refuseForks(MigrationGraph graph, String app) {
        var problems = new ArrayList<String>();
        graph.conflicts().forEach((forked, leaves) -> {
            if (app == null || app.equals(forked)) {
                problems.add("app " + forked + " has " + leaves.size() + " latest migrations: "
                        + leaves.stream().map(MigrationKey::name).toList() + " (a forked history, after a merge of"
                        + " two branches that each added a migration); nothing was applied.\n"
                        + "To fix: run keel makemigrations --merge to write the migration that joins them (or"
                        + " keel renumber " + forked + " to put this branch's migrations after the other's), then"
                        + " run this command again.");
            }
        });
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.GRAPH, problems);
        }
    }

    /**
     * The part-applied migrations (a non-atomic one whose run stopped at a step) that come after
     * {@code target}: going back to the target undoes the steps they did. Latest first.
     */
    static Map<MigrationKey, Integer> partialsAfter(MigrationGraph graph, Map<MigrationKey, HistoryRow> rows,
                                                    MigrationTarget target) {
        var out = new LinkedHashMap<MigrationKey, Integer>();
        var found = new ArrayList<HistoryRow>();
        for (HistoryRow row : rows.values()) {
            if (row.phase() == HistoryRow.Phase.APPLYING && graph.contains(row.key()) && after(graph, row.key(), target)) {
                found.add(row);
            }
        }
        var order = graph.migrations().stream().map(MigrationSpec::key).toList();
        found.sort(java.util.Comparator.comparingInt((HistoryRow r) -> order.indexOf(graph.nodeFor(r.key()).orElseThrow())).reversed());
        found.forEach(r -> out.put(graph.nodeFor(r.key()).orElseThrow(), r.stepsDone()));
        return out;
    }

    /** Whether {@code key} depends, directly or not, on {@code target} (on any migration of its app for zero). */
    private static boolean after(MigrationGraph graph, MigrationKey key, MigrationTarget target) {
        var seen = new HashSet<MigrationKey>();
        var todo = new ArrayList<MigrationKey>(List.of(key));
        while (!todo.isEmpty()) {
            MigrationKey k = todo.remove(todo.size() - 1);
            if (!seen.add(k)) {
                continue;
            }
            if (target.isZero() ? k.app().equals(target.app()) : k.equals(target.key()) && !k.equals(key)) {
                return true;
            }
            todo.addAll(graph.dependencies(k));
        }
        return false;
    }

    /** Why {@code m} waits for the post-deployment phase, or null when it does not. */
    static String deferral(MigrationGraph graph, MigrationSpec m, Map<MigrationKey, String> moved,
                           Map<MigrationKey, String> deferred) {
        if (m.postDeployment()) {
            return "post-deployment migration";
        }
        if (moved.containsKey(m.key())) {
            return "moved to the post-deployment phase: it " + moved.get(m.key());
        }
        for (MigrationKey dep : graph.dependencies(m.key())) {
            if (deferred.containsKey(dep)) {
                return "depends on " + dep + ", which is deferred";
            }
        }
        return null;
    }

    /** The migrations {@code migrate --post-deploy} would run now, as deferred by the deploy phase; for {@code showmigrations}. */
    public static Map<MigrationKey, String> deferred(MigrationGraph graph, Set<MigrationKey> applied) {
        return deferred(graph, applied, Map.of());
    }

    /** {@link #deferred(MigrationGraph, Set)}, the migrations of {@code moved} treated as post-deployment ones. */
    public static Map<MigrationKey, String> deferred(MigrationGraph graph, Set<MigrationKey> applied,
                                                     Map<MigrationKey, String> moved) {
        var deferred = new LinkedHashMap<MigrationKey, String>();
        for (MigrationSpec m : graph.forwardsPlan(applied, List.of())) {
            String reason = deferral(graph, m, moved, deferred);
            if (reason != null) {
                deferred.put(m.key(), reason);
            }
        }
        return deferred;
    }

    private static void checkPartial(MigrationGraph graph, Map<MigrationKey, HistoryRow> rows, MigrationPlan plan) {
        Set<MigrationKey> inPlan = new HashSet<>();
        plan.migrations().forEach(m -> inPlan.add(m.key()));
        var problems = new ArrayList<String>();
        for (HistoryRow row : rows.values()) {
            if (!row.partial() || !graph.contains(row.key())) {
                continue;
            }
            boolean applying = row.phase() == HistoryRow.Phase.APPLYING;
            MigrationKey key = row.key();
            boolean resumed = inPlan.contains(key);
            boolean leftForLater = applying && !plan.backwards();
            if (resumed || leftForLater) {
                continue;
            }
            MigrationKey k = row.key();
            problems.add("keel_migrations: migration " + k + " was being " + (applying ? "applied" : "unapplied")
                    + " when a run stopped (" + row.stepsDone() + " steps done), and this plan does not finish it.\n"
                    + "To fix: finish it first with keel migrate " + k.app() + " "
                    + (applying ? k.name() : before(graph, k)) + ", then run this command again.");
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, problems);
        }
    }

    /** The name of the migration of the same app just before {@code k}, or {@code zero}. */
    private static String before(MigrationGraph graph, MigrationKey k) {
        return previous(k.app(), graph.dependencies(k));
    }

    /**
     * The migration of {@code app} that a migration with these dependencies follows, or {@code zero}: the
     * target of {@code keel migrate APP TARGET} that goes back to just before it.
     */
    static String previous(String app, java.util.Collection<MigrationKey> dependencies) {
        return dependencies.stream().filter(d -> d.app().equals(app)).map(MigrationKey::name)
                .reduce((a, b) -> b).orElse(MigrationTarget.ZERO);
    }

    private static Plan view(MigrationPlan plan, Map<MigrationKey, HistoryRow> rows, boolean fake,
                             Map<MigrationKey, String> deferred) {
        var planned = new ArrayList<Plan.Planned>();
        for (MigrationSpec m : plan.migrations()) {
            HistoryRow row = rows.get(m.key());
            boolean resumes = row != null && row.partial() && (row.phase() == HistoryRow.Phase.UNAPPLYING) == plan.backwards();
            planned.add(new Plan.Planned(m.key(), m.atomic(), m.postDeployment(),
                    m.operations().stream().map(op -> op.describe()).toList(), resumes ? row.stepsDone() : 0));
        }
        var d = new ArrayList<Plan.Deferred>();
        deferred.forEach((k, why) -> d.add(new Plan.Deferred(k, why)));
        return new Plan(plan.backwards(), fake, planned, d);
    }
}
