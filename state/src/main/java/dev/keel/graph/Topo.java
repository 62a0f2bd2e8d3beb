package dev.keel.graph;

import dev.keel.migration.MigrationKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Topological order of migrations: dependencies first, ties broken by key order (app, then name). */
final class Topo {
    private Topo() {}

    /**
     * Orders {@code keys}; a key comes after every one of its parents. Keys caught in a cycle, and
     * keys that depend on a cycle, are left out (the result is then shorter than {@code keys}).
     */
    static List<MigrationKey> order(Collection<MigrationKey> keys, Map<MigrationKey, ? extends Set<MigrationKey>> parents,
                                    Map<MigrationKey, ? extends Set<MigrationKey>> children) {
        Map<MigrationKey, Integer> waiting = new HashMap<>();
        TreeSet<MigrationKey> ready = new TreeSet<>();
        for (MigrationKey k : keys) {
            int n = parents.get(k).size();
            waiting.put(k, n);
            if (n == 0) {
                ready.add(k);
            }
        }
        List<MigrationKey> out = new ArrayList<>(keys.size());
        while (!ready.isEmpty()) {
            MigrationKey k = ready.pollFirst();
            out.add(k);
            for (MigrationKey c : children.get(k)) {
                if (waiting.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return out;
    }
}
