package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;

import java.util.List;
import java.util.Map;

/**
 * The start of a run's plan for a database where keel has recorded nothing yet, built on a thread of its own before
 * the history is read: the history's check, the graph, the plan, the state the first migration meets and its script
 * (and, when the first migration may start early, its checksum). Each is a function of the migrations, the request
 * and the routing alone once the history is known to be empty, so when the history read is empty the run takes them
 * from here ({@link #take}) instead of building them after the read: the same values, built while the connection
 * opens, keel's lock is taken and its tables are made. When the history holds anything, or the request or routing
 * differ, or building them failed (the run builds them again and reports the failure where it did), nothing of it is
 * used, and what was not built yet is not built ({@link #abandon}).
 */
public final class PlanAhead {
    /** What was built ahead: the plan for an empty history, the state the first migration meets and its script (null when none). */
    public record Built(Planner.Result planned, ProjectState start, Script first) {}

    private final MigrationSet set;
    private final MigrateRequest request;
    private final Routing routing;
    private final Thread thread;
    private volatile boolean abandoned;
    private Built built;

    private PlanAhead(MigrationSet set, MigrateRequest request, Routing routing) {
        this.set = set;
        this.request = request;
        this.routing = routing;
        this.thread = new Thread(this::build, "keel-plan-ahead");
        thread.setDaemon(true);
    }

    /** Starts building the plan of {@code request} on {@code set} for an empty history, as {@code routing} routes it. */
    public static PlanAhead start(MigrationSet set, MigrateRequest request, Routing routing) {
        var ahead = new PlanAhead(set, request, routing);
        ahead.thread.start();
        return ahead;
    }

    private void build() {
        try {
            Map<dev.keel.migration.MigrationKey, HistoryRow> none = Map.of();
            if (!HistoryCheck.problems(set, none).isEmpty() || abandoned) {
                return;
            }
            var graph = set.graph(Planner.applied(none));
            graph.checkConsistent(Planner.applied(none));
            Planner.Result planned = Planner.plan(graph, none, request);
            if (abandoned || request.postDeploy() || planned.plan().backwards() || planned.plan().migrations().isEmpty()) {
                return;
            }
            List<MigrationSpec> plan = planned.plan().migrations();
            ProjectState start = graph.stateAt(graph.appliedNodes(planned.applied()));
            MigrationSpec first = plan.get(0);
            if (abandoned || first.postDeployment()) {
                return;
            }
            if (!request.fake() && plan.size() > 1) {
                java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
                    try {
                        set.checksum(first.key()); // what its record holds when it starts early, kept by the set
                    } catch (RuntimeException e) {
                        // reported where it is asked for
                    }
                });
            }
            Script script = Scripts.forwards(first, start, routing);
            synchronized (this) {
                built = new Built(planned, start, script);
            }
        } catch (RuntimeException e) {
            // built again after the history is read, and reported there
        }
    }

    /**
     * What was built ahead for {@code request} on {@code set} as {@code routing} routes it, once built; null when it
     * was built for something else or could not be built (the caller then builds it).
     */
    public Built take(MigrationSet set, MigrateRequest request, Routing routing) {
        if (set != this.set || !request.equals(this.request) || !same(routing, this.routing)) {
            abandon();
            return null;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        synchronized (this) {
            return built;
        }
    }

    /** Whether {@code a} and {@code b} route every operation alike: the same database, of a project with the same databases. */
    static boolean same(Routing a, Routing b) {
        if (!a.database().equals(b.database()) || (a.router() == null) != (b.router() == null)) {
            return false;
        }
        return a.router() == null || a.router().databases().equals(b.router().databases());
    }

    /** Builds nothing more: the history is not empty, or the run ended before its plan. */
    public void abandon() {
        abandoned = true;
    }
}
