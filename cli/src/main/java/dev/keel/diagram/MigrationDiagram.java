package dev.keel.diagram;

import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a picture of the migration graph shows, independent of its format: each migration (grouped by app,
 * sorted by key) with its kind, and each dependency as an edge from the migration depended on to the one that
 * depends on it; a squash has a {@code replaces} edge to each migration it replaces. Built by {@link #of}.
 */
public record MigrationDiagram(List<Node> nodes, List<Edge> edges) {
    /** What a migration is, as the picture draws it. */
    public enum Kind {
        /** An app's first migration. */
        INITIAL,
        /** A migration of no special kind. */
        PLAIN,
        /** A migration that joins two or more of its app's branches (two dependencies in its own app). */
        MERGE,
        /** A migration that replaces others ({@code replaces}). */
        SQUASH,
        /** A migration a squash replaces. */
        REPLACED,
        /** A migration depended on whose file is not there (a squash's replaced migration, deleted). */
        MISSING
    }

    /** One migration. */
    public record Node(MigrationKey key, Kind kind, boolean postDeployment) {}

    /** An edge: {@code to} depends on {@code from}; with {@code replaces}, the squash {@code from} replaces {@code to}. */
    public record Edge(MigrationKey from, MigrationKey to, boolean replaces) {
        /** Whether the edge goes from one app to another. */
        public boolean crossesApps() {
            return !from.app().equals(to.app());
        }
    }

    public MigrationDiagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * The migrations {@code specs} (every file, those a squash replaces too) of the apps {@code apps} (all when
     * empty), with the migrations of other apps they depend on directly; {@code graph} says where a dependency on
     * a replaced migration whose file is gone leads (to its squash).
     */
    public static MigrationDiagram of(Collection<MigrationSpec> specs, MigrationGraph graph, Set<String> apps) {
        var byKey = new TreeMap<MigrationKey, MigrationSpec>();
        specs.forEach(s -> byKey.put(s.key(), s));
        var replaced = new TreeSet<MigrationKey>();
        specs.forEach(s -> replaced.addAll(s.replaces()));
        var shown = new TreeMap<MigrationKey, Node>();
        var edges = new TreeSet<Edge>(Comparator.comparing(Edge::from).thenComparing(Edge::to)
                .thenComparing(Edge::replaces));
        for (MigrationSpec s : byKey.values()) {
            if (!apps.isEmpty() && !apps.contains(s.app())) {
                continue;
            }
            shown.put(s.key(), new Node(s.key(), kind(s, replaced, byKey), s.postDeployment()));
            for (MigrationKey dep : s.dependencies()) {
                MigrationKey from = byKey.containsKey(dep) ? dep : graph.nodeFor(dep).orElse(dep);
                edges.add(new Edge(from, s.key(), false));
            }
            for (MigrationKey r : s.replaces()) {
                edges.add(new Edge(s.key(), r, true));
            }
        }
        for (Edge e : List.copyOf(edges)) {
            for (MigrationKey k : List.of(e.from(), e.to())) {
                if (!shown.containsKey(k)) {
                    MigrationSpec s = byKey.get(k);
                    shown.put(k, s == null ? new Node(k, Kind.MISSING, false)
                            : new Node(k, kind(s, replaced, byKey), s.postDeployment()));
                }
            }
        }
        return new MigrationDiagram(new ArrayList<>(shown.values()), new ArrayList<>(edges));
    }

    private static Kind kind(MigrationSpec s, Set<MigrationKey> replaced, Map<MigrationKey, MigrationSpec> all) {
        if (!s.replaces().isEmpty()) {
            return Kind.SQUASH;
        }
        if (replaced.contains(s.key())) {
            return Kind.REPLACED;
        }
        if (s.dependencies().stream().filter(d -> d.app().equals(s.app())).count() >= 2) {
            return Kind.MERGE;
        }
        return s.initial() ? Kind.INITIAL : Kind.PLAIN;
    }

    /** The apps of the nodes, sorted. */
    public List<String> apps() {
        return nodes.stream().map(n -> n.key().app()).distinct().sorted().toList();
    }
}
