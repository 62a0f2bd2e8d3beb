package dev.keel.load;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Applies migrations to the empty state in dependency order (each after what it depends on). */
final class Replay {
    private Replay() {}

    static ProjectState apply(List<MigrationSpec> migrations) {
        ProjectState state = ProjectState.EMPTY;
        for (MigrationSpec spec : order(migrations)) {
            for (Operation op : spec.operations()) {
                state = StateTransitions.apply(op, spec.app(), state);
            }
        }
        return state;
    }

    /** Dependencies first, ties by key; fails on a missing dependency or a cycle. */
    static List<MigrationSpec> order(List<MigrationSpec> migrations) {
        Map<MigrationKey, MigrationSpec> byKey = new TreeMap<>();
        migrations.forEach(m -> byKey.put(m.key(), m));
        Set<MigrationKey> done = new LinkedHashSet<>();
        while (done.size() < byKey.size()) {
            MigrationSpec next = byKey.values().stream().filter(m -> !done.contains(m.key()))
                    .filter(m -> done.containsAll(m.dependencies())).findFirst()
                    .orElseThrow(() -> new AssertionError("missing dependency or cycle among " + byKey.keySet()));
            done.add(next.key());
        }
        var ordered = new ArrayList<MigrationSpec>();
        done.forEach(k -> ordered.add(byKey.get(k)));
        return ordered;
    }
}
