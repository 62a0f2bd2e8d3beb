package dev.keel.runner.internal;

import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.MigrationStatus.Mark;
import dev.keel.runner.StatusReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds what {@code showmigrations} lists from the migrations and the history. Pure. */
public final class Statuses {
    private Statuses() {}

    /** Every migration of {@code set} with its status given the history {@code rows}, then the missing ones. */
    public static StatusReport of(MigrationSet set, Map<MigrationKey, HistoryRow> rows) {
        return of(set, rows, Map.of());
    }

    /** {@link #of(MigrationSet, Map)}, the migrations of {@code moved} deferred as post-deployment ones, each with why. */
    public static StatusReport of(MigrationSet set, Map<MigrationKey, HistoryRow> rows, Map<MigrationKey, String> moved) {
        Set<MigrationKey> recorded = Planner.applied(rows);
        MigrationGraph graph = set.graph(recorded);
        Set<MigrationKey> applied = graph.appliedNodes(recorded);
        Map<MigrationKey, String> deferred = Planner.deferred(graph, applied, moved);
        var out = new ArrayList<MigrationStatus>();
        for (MigrationSpec m : graph.migrations()) {
            HistoryRow row = rows.get(m.key());
            boolean changed = row != null && HistoryCheck.changed(set, row);
            if (row != null && row.partial()) {
                boolean applying = row.phase() == HistoryRow.Phase.APPLYING;
                out.add(new MigrationStatus(m.key(), Mark.PARTIAL, m.postDeployment(), row.appliedAt(), null, changed,
                        (applying ? "part-applied" : "part-unapplied") + ": " + row.stepsDone() + " steps done when a run"
                                + " stopped; keel migrate finishes it"
                                + (HistoryCheck.correctedSinceStop(set, row) ? " with the file as corrected since" : "")
                                + (applying ? ", or keel migrate " + m.app() + " " + Planner.previous(m.app(), m.dependencies()) + " undoes them" : "")));
            } else if (applied.contains(m.key())) {
                out.add(new MigrationStatus(m.key(), Mark.APPLIED, m.postDeployment(), row == null ? null : row.appliedAt(),
                        row == null ? null : row.durationMs(), changed, changed ? "changed since it was applied" : null));
            } else if (deferred.containsKey(m.key())) {
                out.add(new MigrationStatus(m.key(), Mark.DEFERRED, m.postDeployment(), null, null, false,
                        deferred.get(m.key())));
            } else {
                out.add(new MigrationStatus(m.key(), Mark.NOT_APPLIED, m.postDeployment(), null, null, false, null));
            }
        }
        for (HistoryRow row : rows.values()) {
            if (HistoryCheck.missing(set, row)) {
                out.add(new MigrationStatus(row.key(), Mark.MISSING, false, row.appliedAt(), row.durationMs(), false,
                        set.fromClasses()
                        ? "applied, but its class is not on the class path" : "applied, but no migration file defines it"));
            }
        }
        var problems = new ArrayList<>(HistoryCheck.problems(set, rows));
        var forks = graph.conflicts();
        forks.forEach((app, leaves) -> problems.add("app " + app + " has " + leaves.size() + " latest migrations: "
                + leaves.stream().map(MigrationKey::name).toList() + " (a forked history); keel migrate refuses it.\n"
                + "To fix: run keel makemigrations --merge (or keel renumber " + app + ") and commit the result."));
        var marked = new ArrayList<MigrationStatus>();
        for (MigrationStatus st : out) {
            List<MigrationKey> leaves = forks.getOrDefault(st.key().app(), List.of());
            if (leaves.contains(st.key())) {
                String fork = "fork: one of " + leaves.size() + " latest migrations of " + st.key().app()
                        + "; keel makemigrations --merge joins them";
                st = new MigrationStatus(st.key(), st.mark(), st.postDeployment(), st.appliedAt(), st.durationMs(),
                        st.changed(), st.note() == null ? fork : st.note() + "; " + fork);
            }
            marked.add(st);
        }
        return new StatusReport(marked, problems);
    }
}
