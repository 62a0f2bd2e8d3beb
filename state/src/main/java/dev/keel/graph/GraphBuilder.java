package dev.keel.graph;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns migration specs into nodes and edges, collecting every problem (duplicate names, squashes
 * that cannot be used, missing dependencies, cycles) instead of stopping at the first.
 */
final class GraphBuilder {
    final TreeMap<MigrationKey, MigrationSpec> nodes = new TreeMap<>();
    final Map<MigrationKey, SortedSet<MigrationKey>> parents = new HashMap<>();
    final Map<MigrationKey, SortedSet<MigrationKey>> children = new HashMap<>();
    /** A name that no longer is a node, and the node that stands for it (squashes). */
    final Map<MigrationKey, MigrationKey> aliases = new HashMap<>();
    /** Squash nodes in use, and the migrations each replaces. */
    final Map<MigrationKey, List<MigrationKey>> squashes = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    final List<MigrationKey> order;

    GraphBuilder(Collection<MigrationSpec> specs, Set<MigrationKey> applied) {
        addNodes(specs);
        useSquashes(applied);
        link();
        order = Topo.order(nodes.keySet(), parents, children);
        if (order.size() < nodes.size()) {
            var unplaced = new TreeSet<>(nodes.keySet());
            order.forEach(unplaced::remove);
            for (List<MigrationKey> cycle : Cycles.find(unplaced, parents, children)) {
                problems.add(GraphMessages.cycle(cycle, nodes));
            }
        }
    }

    /** The node that stands for {@code key}: itself, or the squash that replaced it (and so on). */
    static MigrationKey canonical(Map<MigrationKey, MigrationKey> aliases, MigrationKey key) {
        MigrationKey k = key;
        for (int hops = 0; aliases.containsKey(k) && hops <= aliases.size(); hops++) {
            k = aliases.get(k);
        }
        return k;
    }

    private void addNodes(Collection<MigrationSpec> specs) {
        for (MigrationSpec spec : specs) {
            MigrationSpec first = nodes.putIfAbsent(spec.key(), spec);
            if (first != null) {
                problems.add(GraphMessages.duplicate(first, spec));
            }
        }
    }

    /**
     * Django's rule for squashes: when none or all of the replaced migrations are applied, the squash
     * is used and the replaced ones drop out (their names lead to the squash); when some are applied,
     * the replaced ones are used and the squash drops out (its name leads to the last of them).
     */
    private void useSquashes(Set<MigrationKey> applied) {
        for (MigrationSpec squash : List.copyOf(nodes.values())) {
            List<MigrationKey> replaced = squash.replaces();
            if (replaced.isEmpty() || !nodes.containsKey(squash.key())) {
                continue;
            }
            List<MigrationKey> done = replaced.stream().filter(applied::contains).toList();
            if (done.isEmpty() || done.size() == replaced.size()) {
                for (MigrationKey r : replaced) {
                    nodes.remove(r);
                    aliases.put(r, squash.key());
                }
                squashes.put(squash.key(), replaced);
                continue;
            }
            nodes.remove(squash.key());
            List<MigrationKey> absent = replaced.stream().filter(r -> !nodes.containsKey(r)).toList();
            if (absent.isEmpty()) {
                aliases.put(squash.key(), replaced.get(replaced.size() - 1));
            } else {
                List<MigrationKey> notDone = replaced.stream().filter(r -> !applied.contains(r)).toList();
                problems.add(GraphMessages.partlyAppliedSquash(squash, done, notDone, absent));
            }
        }
    }

    private void link() {
        nodes.keySet().forEach(k -> {
            parents.put(k, new TreeSet<>());
            children.put(k, new TreeSet<>());
        });
        Map<String, List<String>> namesByApp = new TreeMap<>(); // for messages: filled at the first missing dependency
        for (MigrationSpec spec : nodes.values()) {
            for (MigrationKey dep : spec.dependencies()) {
                MigrationKey target = canonical(aliases, dep);
                if (target.equals(spec.key()) && !dep.equals(spec.key())) {
                    continue; // a dependency on a migration this squash replaces
                }
                if (!nodes.containsKey(target)) {
                    if (namesByApp.isEmpty()) {
                        nodes.keySet().forEach(k -> namesByApp.computeIfAbsent(k.app(), a -> new ArrayList<>()).add(k.name()));
                    }
                    problems.add(GraphMessages.missing(spec, dep, namesByApp.getOrDefault(dep.app(), List.of()),
                            namesByApp.keySet()));
                    continue;
                }
                parents.get(spec.key()).add(target);
                children.get(target).add(spec.key());
            }
        }
    }
}
