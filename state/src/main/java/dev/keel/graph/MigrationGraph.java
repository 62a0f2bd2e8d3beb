package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The migrations of a project as a directed acyclic graph: one node per migration, an edge from each
 * migration to each migration it depends on, within its app and across apps. Plans (which
 * migrations to apply or unapply, in which order) and historical states come from here.
 *
 * <p>Every order is deterministic: dependencies first, ties broken by key order (app, then name).
 * Building the graph reports, all at once, every duplicate name, missing dependency and cycle as a
 * {@link KeelException} of kind {@link ErrorKind#GRAPH}.
 *
 * <p>Squashes ({@code replaces}) follow Django: a squash is used while none or all of the migrations
 * it replaces are applied; otherwise the replaced migrations are used.
 */
public final class MigrationGraph {
    private final SortedMap<MigrationKey, MigrationSpec> nodes;
    private final Map<MigrationKey, SortedSet<MigrationKey>> parents;
    private final Map<MigrationKey, SortedSet<MigrationKey>> children;
    private final Map<MigrationKey, MigrationKey> aliases;
    private final Map<MigrationKey, List<MigrationKey>> squashes;
    private final List<MigrationKey> order;
    private final SortedMap<String, List<MigrationKey>> byApp = new TreeMap<>();
    private final Map<String, List<MigrationKey>> leaves = new java.util.concurrent.ConcurrentHashMap<>();

    private MigrationGraph(GraphBuilder b) {
        this.nodes = Collections.unmodifiableSortedMap(b.nodes);
        this.parents = b.parents;
        this.children = b.children;
        this.aliases = b.aliases;
        this.squashes = b.squashes;
        this.order = List.copyOf(b.order);
        for (MigrationKey k : order) {
            byApp.computeIfAbsent(k.app(), a -> new ArrayList<>()).add(k);
        }
    }

    /**
     * Builds the graph of {@code specs}, as for a database where nothing is applied.
     *
     * @throws KeelException of kind GRAPH listing every duplicate name, missing dependency and cycle
     */
    public static MigrationGraph of(Collection<MigrationSpec> specs) {
        return of(specs, Set.of());
    }

    /**
     * Builds the graph of {@code specs}; {@code applied} decides only which squashes are used.
     *
     * @throws KeelException of kind GRAPH listing every duplicate name, missing dependency and cycle
     */
    public static MigrationGraph of(Collection<MigrationSpec> specs, Set<MigrationKey> applied) {
        GraphBuilder b = new GraphBuilder(specs, applied);
        if (!b.problems.isEmpty()) {
            throw new KeelException(ErrorKind.GRAPH, b.problems);
        }
        return new MigrationGraph(b);
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The labels of the apps that have migrations, sorted. */
    public SortedSet<String> apps() {
        return new TreeSet<>(byApp.keySet());
    }

    /** How many migrations the graph holds. */
    public int size() {
        return nodes.size();
    }

    /** Whether {@code key} is a node of the graph (a replaced migration of a used squash is not). */
    public boolean contains(MigrationKey key) {
        return nodes.containsKey(key);
    }

    /**
     * The node that stands for {@code key}: itself, or the squash that replaces it (whose file may be
     * gone); empty when neither is in the graph.
     */
    public Optional<MigrationKey> nodeFor(MigrationKey key) {
        MigrationKey k = GraphBuilder.canonical(aliases, key);
        return nodes.containsKey(k) ? Optional.of(k) : Optional.empty();
    }

    /** The migration {@code key}, if it is a node. */
    public Optional<MigrationSpec> spec(MigrationKey key) {
        return Optional.ofNullable(nodes.get(key));
    }

    /** Every migration, in topological order. */
    public List<MigrationSpec> migrations() {
        return specs(order);
    }

    /** The migrations of {@code app}, in topological order; empty for an app without migrations. */
    public List<MigrationSpec> migrations(String app) {
        return specs(byApp.getOrDefault(app, List.of()));
    }

    /** The migrations {@code key} depends on directly (squashes in place of what they replace). */
    public SortedSet<MigrationKey> dependencies(MigrationKey key) {
        return Collections.unmodifiableSortedSet(parents.get(require(key)));
    }

    /** The migrations that depend directly on {@code key}. */
    public SortedSet<MigrationKey> dependents(MigrationKey key) {
        return Collections.unmodifiableSortedSet(children.get(require(key)));
    }

    /** The first migrations of {@code app}: those that depend on no migration of the same app. */
    public List<MigrationKey> roots(String app) {
        return appNodes(app, k -> parents.get(k).stream().noneMatch(p -> p.app().equals(app)));
    }

    /**
     * The latest migrations of {@code app}: those no migration of the same app depends on. One leaf
     * is a linear history; two or more are a conflict that a merge migration resolves.
     */
    public List<MigrationKey> leaves(String app) {
        // asked for several times per command (conflicts, the lockfile, the next migration's dependencies)
        return leaves.computeIfAbsent(app, a -> {
            var out = new ArrayList<MigrationKey>();
            for (MigrationKey k : byApp.getOrDefault(a, List.of())) {
                boolean leaf = true;
                for (MigrationKey c : children.get(k)) {
                    if (c.app().equals(a)) {
                        leaf = false;
                        break;
                    }
                }
                if (leaf) {
                    out.add(k);
                }
            }
            out.sort(null);
            return List.copyOf(out);
        });
    }

    /** The leaves of every app, sorted. */
    public List<MigrationKey> leaves() {
        return byApp.keySet().stream().flatMap(a -> leaves(a).stream()).sorted().toList();
    }

    /** The apps with two or more leaves, each with its leaves. */
    public SortedMap<String, List<MigrationKey>> conflicts() {
        SortedMap<String, List<MigrationKey>> out = new TreeMap<>();
        for (String app : byApp.keySet()) {
            List<MigrationKey> leaves = leaves(app);
            if (leaves.size() > 1) {
                out.put(app, leaves);
            }
        }
        return out;
    }

    /**
     * The nodes that count as applied when the database records {@code applied}: those recorded, and
     * each squash in use whose replaced migrations are all recorded.
     */
    public Set<MigrationKey> appliedNodes(Set<MigrationKey> applied) {
        Set<MigrationKey> out = new TreeSet<>();
        for (MigrationKey k : nodes.keySet()) {
            List<MigrationKey> replaced = squashes.get(k);
            if (applied.contains(k) || (replaced != null && applied.containsAll(replaced))) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Checks that every applied migration has its dependencies applied.
     *
     * @throws KeelException of kind INCONSISTENT_HISTORY naming every applied migration whose
     *                       dependency is not applied
     */
    public void checkConsistent(Set<MigrationKey> applied) {
        Set<MigrationKey> done = appliedNodes(applied);
        List<String> problems = new ArrayList<>();
        for (MigrationKey k : order) {
            if (!done.contains(k)) {
                continue;
            }
            for (MigrationKey p : parents.get(k)) {
                if (!done.contains(p)) {
                    problems.add(GraphMessages.where(nodes.get(k)) + ": migration " + k + " is applied, but its"
                            + " dependency " + p + " is not.\n"
                            + "To fix: apply " + p + " by hand and record it with keel migrate " + p.app() + " "
                            + p.name() + " --fake, or unapply " + k + ".");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, problems);
        }
    }

    // ---- plans --------------------------------------------------------------------------------

    /**
     * The migrations to apply so that every target and everything it depends on is applied: the
     * unapplied ones among them, dependencies first, ties broken by key order. With no targets,
     * the targets are the leaves of every app (everything is applied).
     */
    public List<MigrationSpec> forwardsPlan(Set<MigrationKey> applied, Collection<MigrationKey> targets) {
        Collection<MigrationKey> start = targets.isEmpty() ? leaves() : targets.stream().map(this::node).toList();
        Set<MigrationKey> needed = closure(start, parents);
        needed.removeAll(appliedNodes(applied));
        return specs(order.stream().filter(needed::contains).toList());
    }

    /**
     * The migrations to unapply so that {@code target} is the last applied migration of its app, as
     * Django does it: every applied migration of the app after the target, and every applied
     * migration that depends on one of them (in any app), latest first. For zero: every applied
     * migration of the app and everything that depends on them.
     */
    public List<MigrationSpec> backwardsPlan(Set<MigrationKey> applied, MigrationTarget target) {
        Collection<MigrationKey> start;
        if (target.isZero()) {
            start = byApp.getOrDefault(target.app(), List.of());
        } else {
            MigrationKey t = node(target.key());
            start = children.get(t).stream().filter(c -> c.app().equals(t.app())).toList();
        }
        Set<MigrationKey> undo = closure(start, children);
        undo.retainAll(appliedNodes(applied));
        List<MigrationKey> keys = new ArrayList<>(order.stream().filter(undo::contains).toList());
        Collections.reverse(keys);
        return specs(keys);
    }

    /**
     * What {@code keel migrate APP TARGET} runs: backwards when the target is zero or already
     * applied (unapplying what came after it), otherwise forwards up to the target.
     */
    public MigrationPlan plan(Set<MigrationKey> applied, MigrationTarget target) {
        if (target.isZero() || appliedNodes(applied).contains(node(target.key()))) {
            return new MigrationPlan(MigrationPlan.Direction.BACKWARDS, backwardsPlan(applied, target));
        }
        return new MigrationPlan(MigrationPlan.Direction.FORWARDS, forwardsPlan(applied, List.of(target.key())));
    }

    /**
     * Resolves what a user typed for a migration of {@code app}: {@code zero}, a full name, or a
     * unique prefix of one ({@code 0005} for {@code 0005_add_x}).
     *
     * @throws KeelException of kind USAGE for an unknown or ambiguous name, listing the candidates
     */
    public MigrationTarget resolve(String app, String typed) {
        if (MigrationTarget.ZERO.equals(typed)) {
            return MigrationTarget.zero(app);
        }
        MigrationKey exact = GraphBuilder.canonical(aliases, new MigrationKey(app, typed));
        if (nodes.containsKey(exact)) {
            return MigrationTarget.of(exact);
        }
        List<String> names = byApp.getOrDefault(app, List.of()).stream().map(MigrationKey::name).sorted().toList();
        if (names.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "app " + app + " has no migrations, so it has no migration \""
                    + typed + "\". Apps with migrations: " + String.join(", ", byApp.keySet())
                    + "\nTo fix: check the app label, or use " + MigrationTarget.ZERO + ".");
        }
        List<String> matches = names.stream().filter(n -> n.startsWith(typed)).toList();
        if (matches.size() == 1) {
            return MigrationTarget.of(new MigrationKey(app, matches.get(0)));
        }
        if (matches.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "app " + app + " has no migration named or starting with \""
                    + typed + "\".\n  Migrations of " + app + ": " + Closest.listing(typed, names)
                    + "\nTo fix: use one of those names (a unique prefix such as " + names.get(0).split("_")[0]
                    + " is enough), or " + MigrationTarget.ZERO + " to unapply every migration of " + app + ".");
        }
        throw new KeelException(ErrorKind.USAGE, "\"" + typed + "\" is ambiguous: it starts " + matches.size()
                + " migrations of " + app + ": " + Closest.listing(typed, matches)
                + "\nTo fix: type more of the name, for example " + matches.get(0) + ".");
    }

    // ---- states -------------------------------------------------------------------------------

    /**
     * The schema after the given migrations and everything they depend on, replayed from the empty
     * state; {@link ProjectState#EMPTY} for no migrations.
     *
     * @throws KeelException of the failing operation's kind, naming the migration and the operation
     */
    public ProjectState stateAt(Collection<MigrationKey> keys) {
        return keys.isEmpty() ? ProjectState.EMPTY : replay(ProjectState.EMPTY, forwardsPlan(Set.of(), keys));
    }

    /** The schema after every migration: what the next {@code makemigrations} compares entities with. */
    public ProjectState latestState() {
        return replay(ProjectState.EMPTY, migrations());
    }

    /**
     * Applies the operations of {@code plan}, in order, to {@code start}; each operation runs with
     * the app of its migration.
     *
     * @throws KeelException of the failing operation's kind, naming the migration and the operation
     */
    public static ProjectState replay(ProjectState start, List<MigrationSpec> plan) {
        ProjectState state = start;
        for (MigrationSpec spec : plan) {
            for (int i = 0; i < spec.operations().size(); i++) {
                state = applyOperation(state, spec, i, 0);
            }
        }
        return state;
    }

    /**
     * Applies operation {@code i} of {@code spec} to {@code state}, with the app of its migration.
     *
     * @param line the line of the operation in the migration's file, or 0 when not known
     * @throws KeelException of the failing operation's kind, naming the file (and line), the migration and the operation
     */
    public static ProjectState applyOperation(ProjectState state, MigrationSpec spec, int i, int line) {
        List<Operation> ops = spec.operations();
        try {
            return StateTransitions.apply(ops.get(i), spec.app(), state);
        } catch (KeelException e) {
            String where = GraphMessages.where(spec) + (line > 0 && spec.origin() != null && !spec.origin().isBlank() ? ":" + line : "");
            throw new KeelException(e.kind(), where + ": in migration " + spec.key() + ", operation " + (i + 1) + " of "
                    + ops.size() + " (" + ops.get(i).describe() + "): " + e.getMessage(), e);
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    /** The node for {@code key} (following squashes), or a usage error naming the app's migrations. */
    private MigrationKey node(MigrationKey key) {
        MigrationKey k = GraphBuilder.canonical(aliases, key);
        if (!nodes.containsKey(k)) {
            List<String> names = byApp.getOrDefault(key.app(), List.of()).stream().map(MigrationKey::name).toList();
            throw new KeelException(ErrorKind.USAGE, "no migration " + key + ".\n  Migrations of " + key.app() + ": "
                    + Closest.listing(key.name(), names) + "\nTo fix: name one of those.");
        }
        return k;
    }

    private MigrationKey require(MigrationKey key) {
        if (!nodes.containsKey(key)) {
            throw new IllegalArgumentException("no migration " + key + " in the graph");
        }
        return key;
    }

    private List<MigrationKey> appNodes(String app, Predicate<MigrationKey> test) {
        return byApp.getOrDefault(app, List.of()).stream().filter(test).sorted().toList();
    }

    private List<MigrationSpec> specs(List<MigrationKey> keys) {
        return keys.stream().map(nodes::get).toList();
    }

    /** {@code start} and everything reachable from it along {@code edges}. */
    private static Set<MigrationKey> closure(Collection<MigrationKey> start, Map<MigrationKey, SortedSet<MigrationKey>> edges) {
        Set<MigrationKey> seen = new HashSet<>(start);
        Deque<MigrationKey> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (MigrationKey next : edges.get(todo.pop())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}
