package dev.keel.graph;

import dev.keel.migration.MigrationKey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Finds the dependency cycles among the migrations that a topological sort could not place. */
final class Cycles {
    private Cycles() {}

    /**
     * One cycle for each separate knot among {@code unplaced}, as a path that starts and ends with
     * the same key, each key depending on the next. Every unplaced key has a parent that is also
     * unplaced (else the sort would have placed it), so following parents always closes a cycle.
     */
    static List<List<MigrationKey>> find(Collection<MigrationKey> unplaced, Map<MigrationKey, SortedSet<MigrationKey>> parents,
                                         Map<MigrationKey, SortedSet<MigrationKey>> children) {
        TreeSet<MigrationKey> left = new TreeSet<>(unplaced);
        List<List<MigrationKey>> cycles = new ArrayList<>();
        while (!left.isEmpty()) {
            List<MigrationKey> cycle = walk(left.first(), left, parents);
            cycles.add(cycle);
            // Drop the cycle and everything that depends on it; what is left still has the property above.
            Deque<MigrationKey> todo = new ArrayDeque<>(cycle);
            while (!todo.isEmpty()) {
                MigrationKey k = todo.pop();
                if (left.remove(k)) {
                    children.get(k).forEach(todo::push);
                }
            }
        }
        return cycles;
    }

    private static List<MigrationKey> walk(MigrationKey start, TreeSet<MigrationKey> left,
                                           Map<MigrationKey, SortedSet<MigrationKey>> parents) {
        Map<MigrationKey, Integer> seenAt = new HashMap<>();
        List<MigrationKey> path = new ArrayList<>();
        MigrationKey k = start;
        while (!seenAt.containsKey(k)) {
            seenAt.put(k, path.size());
            path.add(k);
            k = parents.get(k).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<MigrationKey> cycle = new ArrayList<>(path.subList(seenAt.get(k), path.size()));
        cycle.add(k);
        return cycle;
    }
}
