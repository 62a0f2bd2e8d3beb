package dev.keel.make;

import dev.keel.emit.MigrationNamer;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RunJava;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.PlannedMigration;
import dev.keel.squash.Optimizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code makemigrations --update}: the new changes of an app go into its latest migration instead of a
 * new one, as Django's {@code makemigrations --update} does. The latest migration's operations and the
 * new ones (rewritten into their safe forms with the latest migration's new tables counted as empty,
 * since nothing has applied it) are folded by the squash {@link Optimizer}, so a table the latest
 * migration creates is created with the new columns, not created then altered.
 */
final class LatestUpdate {
    private LatestUpdate() {}

    /**
     * The latest migration of each of {@code apps}, which the run rewrites.
     *
     * @throws KeelException of kind USAGE, listing every app whose latest migration cannot be rewritten and
     *                       why: it has none, it is a squash, other migrations depend on it, it runs Java, or
     *                       {@code guard} refuses it (applied to a database, committed)
     */
    static Map<String, MigrationSpec> targets(MigrationGraph graph, Collection<String> apps, UpdateGuard guard) {
        var targets = new TreeMap<String, MigrationSpec>();
        var problems = new ArrayList<String>();
        for (String app : new TreeSet<>(apps)) {
            List<MigrationKey> leaves = graph.leaves(app);
            if (leaves.isEmpty()) {
                problems.add("app " + app + " has no migration to update.\nTo fix: run keel makemigrations without"
                        + " --update, which writes its first migration.");
                continue;
            }
            MigrationSpec latest = graph.spec(leaves.get(0)).orElseThrow();
            String where = latest.origin() == null ? latest.key().toString() : latest.origin();
            if (!latest.replaces().isEmpty()) {
                problems.add(where + ": the latest migration of " + app + ", " + latest.name() + ", is a squash (it"
                        + " replaces " + latest.replaces().size() + " migrations); keel does not fold new changes into"
                        + " a squash.\nTo fix: run keel makemigrations without --update.");
                continue;
            }
            var dependents = graph.dependents(latest.key());
            if (!dependents.isEmpty()) {
                problems.add(where + ": migrations " + dependents + " depend on " + latest.key() + ", and were made"
                        + " against what it does now.\nTo fix: run keel makemigrations without --update.");
                continue;
            }
            if (latest.operations().stream().anyMatch(op -> op instanceof RunJava)) {
                problems.add(where + ": " + latest.key() + " runs Java (RunJava), whose methods keel would lose when"
                        + " it rewrites the file.\nTo fix: run keel makemigrations without --update.");
                continue;
            }
            if (latest.origin() == null || !latest.origin().endsWith(".java")) {
                problems.add(latest.key() + " was not read from a source file keel can rewrite (" + latest.origin()
                        + ").\nTo fix: run keel makemigrations without --update, reading migrations from their sources.");
                continue;
            }
            targets.put(app, latest);
        }
        if (problems.isEmpty()) {
            problems.addAll(guard.refusals(List.copyOf(targets.values())));
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, problems);
        }
        return targets;
    }

    /** The tables the migrations about to be rewritten create: empty when the rewritten migration runs. */
    static Set<ModelKey> createdBy(Collection<MigrationSpec> latest) {
        var created = new java.util.HashSet<ModelKey>();
        for (MigrationSpec s : latest) {
            for (Operation op : s.operations()) {
                if (op instanceof CreateModel c) {
                    created.add(new ModelKey(s.app(), c.model()));
                }
            }
        }
        return created;
    }

    /**
     * {@code latest} with {@code plan}'s operations folded in: its name (or {@code NNNN_words} with the same
     * number when {@code words} is given), its dependencies and those of the new operations
     * ({@code extraDependencies}), one transaction only when both ran in one.
     *
     * @param specs every migration as the run has them so far (the ones it rewrote or wrote included),
     *              from which the state before the rewritten migration is replayed
     * @throws KeelException of kind USAGE when the new operations belong to another phase (after the
     *                       deploy, or before it) than the latest migration
     */
    static MigrationSpec fold(MigrationSpec latest, PlannedMigration plan, Collection<MigrationKey> extraDependencies,
                              String words, List<MigrationSpec> specs, List<String> folds) {
        if (plan.postDeployment() != latest.postDeployment()) {
            throw new KeelException(ErrorKind.USAGE, latest.origin() + ": " + latest.key() + " runs "
                    + (latest.postDeployment() ? "after the deploy (post-deployment)" : "at deploy time")
                    + ", and the new changes (" + plan.operations().get(0).describe() + (plan.operations().size() > 1
                    ? " and " + (plan.operations().size() - 1) + " more" : "") + ") run "
                    + (plan.postDeployment() ? "after the deploy" : "at deploy time") + "; one migration cannot do both."
                    + "\nTo fix: run keel makemigrations without --update, which writes them as their own migration.");
        }
        String name = latest.name();
        if (words != null && !words.isBlank()) {
            name = MigrationNamer.name(MigrationNames.number(latest.name()), words);
        }
        var deps = new TreeSet<MigrationKey>(latest.dependencies());
        extraDependencies.stream().filter(d -> !d.app().equals(latest.app())).forEach(deps::add);
        var others = new ArrayList<>(specs);
        others.removeIf(s -> s.key().equals(latest.key()));
        ProjectState before = MigrationGraph.of(others).stateAt(deps);
        var ops = new ArrayList<Operation>(latest.operations());
        ops.addAll(plan.operations());
        Optimizer.Result folded = new Optimizer().optimize(latest.app(), before, ops);
        ProjectState expected = replay(latest.app(), before, ops);
        if (!expected.equals(replay(latest.app(), before, folded.operations()))) {
            throw new IllegalStateException("keel bug: folding the new changes into " + latest.key()
                    + " changes the schema it builds.\nExpected: " + expected);
        }
        folds.addAll(folded.folds());
        return new MigrationSpec(new MigrationKey(latest.app(), name), List.copyOf(deps), folded.operations(),
                latest.atomic() && plan.atomic(), latest.postDeployment(), latest.initial(), List.of(), latest.origin());
    }

    private static ProjectState replay(String app, ProjectState state, List<Operation> ops) {
        for (Operation op : ops) {
            state = dev.keel.project.StateTransitions.apply(op, app, state);
        }
        return state;
    }

    /**
     * Checks that the migrations after the run (the rewritten ones in place of the old) replay to the
     * state the run means to reach, and make a graph (no cycle).
     */
    static void checkReplay(List<MigrationSpec> before, Collection<MigrationKey> rewritten, List<NewMigration> written,
                            ProjectState expected) {
        var all = new ArrayList<>(before);
        all.removeIf(s -> rewritten.contains(s.key()));
        written.forEach(m -> all.add(m.spec()));
        ProjectState actual = MigrationGraph.of(all).latestState();
        if (!actual.equals(expected)) {
            throw new KeelException(ErrorKind.GRAPH, "with the new changes folded into " + rewritten + ", the migrations"
                    + " no longer build the schema of the entities (another app's migrations change the same tables"
                    + " in between).\nTo fix: run keel makemigrations without --update.");
        }
    }
}
