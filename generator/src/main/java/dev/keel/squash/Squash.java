package dev.keel.squash;

import dev.keel.config.KeelConfig;
import dev.keel.emit.MigrationWriter;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.make.MigrationFiles;
import dev.keel.make.NewMigration;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddIndex;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code keel squashmigrations APP [FROM] TO}: one migration that replaces a range of an app's
 * migrations ({@code replaces(...)}), its operations folded by the {@link Optimizer}. Databases where
 * none of the range is applied run the squash; those where all of it is applied count the squash as
 * applied; those in between finish the range with the original migrations. Once every database has
 * the squash, the replaced files may be deleted: dependencies on them lead to the squash.
 */
public final class Squash {
    /** The squash to write, what it replaces and what the optimizer did. */
    public record Result(NewMigration migration, List<MigrationKey> replaced, int operationsBefore,
                         List<String> folds, List<String> notes) {}

    private Squash() {}

    /**
     * Plans the squash of {@code app} from {@code from} (null: its first migration) to {@code to}, both
     * names or unique prefixes, among {@code specs}; {@code words} (may be null) names it
     * {@code NNNN_words} instead of {@code NNNN_squashed_TO}.
     *
     * @throws KeelException of kind USAGE for an unknown name, a range that is not one, or a {@code RunJava}
     *                       in the range; of kind GRAPH when the squash would make a cycle
     */
    public static Result plan(KeelConfig config, Path projectDir, List<MigrationSpec> specs, String app, String from,
                              String to, String words) {
        var appConfig = config.requireApp(app);
        MigrationGraph graph = MigrationGraph.of(specs);
        MigrationKey toKey = migration(graph, app, to);
        List<MigrationSpec> upTo = graph.forwardsPlan(Set.of(), List.of(toKey)).stream()
                .filter(s -> s.app().equals(app)).toList();
        MigrationKey fromKey = from == null ? upTo.get(0).key() : migration(graph, app, from);
        int start = upTo.stream().map(MigrationSpec::key).toList().indexOf(fromKey);
        if (start < 0) {
            throw new KeelException(ErrorKind.USAGE, fromKey + " does not come before " + toKey
                    + ", so they do not make a range.\nTo fix: name the first migration to squash, then the last.");
        }
        List<MigrationSpec> range = upTo.subList(start, upTo.size());
        if (range.size() < 2) {
            throw new KeelException(ErrorKind.USAGE, "the range " + fromKey.name() + " to " + toKey.name() + " holds one"
                    + " migration; a squash replaces two or more.\nTo fix: name a later last migration, or an earlier first.");
        }
        refuseJava(range);

        var inRange = new TreeSet<MigrationKey>();
        range.forEach(s -> inRange.add(s.key()));
        var replaced = new ArrayList<MigrationKey>();
        var dependencies = new TreeSet<MigrationKey>();
        var ops = new ArrayList<Operation>();
        for (MigrationSpec s : range) {
            replaced.addAll(s.replaces().isEmpty() ? List.of(s.key()) : s.replaces());
            s.dependencies().stream().map(d -> graph.contains(d) ? d : canonicalOrSelf(graph, d))
                    .filter(d -> !inRange.contains(d)).forEach(dependencies::add);
            ops.addAll(s.operations());
        }
        ProjectState before = graph.stateAt(dependencies);
        Optimizer.Result folded = new Optimizer().optimize(app, before, ops);
        checkSameState(app, before, range, folded.operations());

        String name = MigrationNames.name(MigrationNames.number(fromKey.name()),
                words != null && !words.isBlank() ? words : "squashed_" + toKey.name());
        if (!MigrationNames.isValidName(name)) {
            throw new KeelException(ErrorKind.USAGE, "\"" + name + "\" is not a migration name.\n"
                    + "To fix: give --squashed-name letters, digits and underscores only.");
        }
        var notes = new ArrayList<String>();
        boolean allPost = range.stream().allMatch(MigrationSpec::postDeployment);
        if (!allPost && range.stream().anyMatch(MigrationSpec::postDeployment)) {
            notes.add("The range holds post-deployment migrations (" + String.join(", ", range.stream()
                    .filter(MigrationSpec::postDeployment).map(MigrationSpec::name).toList()) + "); the squash runs at"
                    + " deploy time, so a database that applies it builds their indexes and runs their data steps then.");
        }
        var spec = new MigrationSpec(new MigrationKey(app, name), List.copyOf(dependencies), folded.operations(),
                atomic(range, folded.operations()), allPost, range.get(0).initial(), replaced, null);
        checkGraph(specs, spec);

        Path file = config.migrationsDir(projectDir, appConfig).resolve(MigrationNames.className(name) + ".java");
        var header = List.of("Squashes " + range.size() + " migrations of " + app + ", " + fromKey.name() + " to "
                        + toKey.name() + ": " + ops.size() + " operations folded into " + folded.operations().size() + ".",
                "A database where none of them is applied runs this one; where all are, this one counts as applied.",
                "Once every database has applied it, the replaced files may be deleted; keep the replaces(...) lines.");
        String source = new MigrationWriter().write(spec, appConfig.migrationsPackage(), header);
        return new Result(new NewMigration(spec, file, source), replaced, ops.size(), folded.folds(), notes);
    }

    /** Writes the squash planned by {@link #plan} and updates the lockfile. */
    public static void write(KeelConfig config, Path projectDir, List<MigrationSpec> specs, Result result) {
        var all = new ArrayList<>(specs);
        all.add(result.migration().spec());
        MigrationGraph after = MigrationGraph.of(all);
        Map<String, MigrationKey> leaves = new TreeMap<>();
        after.apps().forEach(a -> after.leaves(a).stream().reduce((x, y) -> y).ifPresent(l -> leaves.put(a, l)));
        MigrationFiles.write(config, projectDir, List.of(result.migration()), leaves);
    }

    private static MigrationKey migration(MigrationGraph graph, String app, String typed) {
        MigrationTarget t = graph.resolve(app, typed);
        if (t.isZero()) {
            throw new KeelException(ErrorKind.USAGE, "squashmigrations needs migration names, not " + MigrationTarget.ZERO
                    + ".\nTo fix: name the first and the last migration to squash.");
        }
        return t.key();
    }

    /** A dependency on a migration a squash in use replaced: the squash. */
    private static MigrationKey canonicalOrSelf(MigrationGraph graph, MigrationKey dep) {
        MigrationTarget t = graph.resolve(dep.app(), dep.name());
        return t.isZero() ? dep : t.key();
    }

    /** {@code RunJava} calls a method of its own migration class, which the squash is not. */
    private static void refuseJava(List<MigrationSpec> range) {
        var problems = new ArrayList<String>();
        for (MigrationSpec s : range) {
            if (s.operations().stream().anyMatch(op -> op instanceof RunJava)) {
                problems.add((s.origin() == null ? s.key().toString() : s.origin()) + ": migration " + s.key()
                        + " runs Java (RunJava), whose methods live in its own class and cannot move into a squash.\n"
                        + "To fix: squash up to the migration before it, or start after it; or turn the data step into"
                        + " RunSql first.");
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, problems);
        }
    }

    /**
     * A squash runs in one transaction unless it builds or drops an index concurrently, or carries SQL of
     * a migration that was not atomic (which may need to run outside a transaction).
     */
    static boolean atomic(List<MigrationSpec> range, List<Operation> ops) {
        boolean concurrent = ops.stream().anyMatch(op -> op instanceof AddIndex a && a.isConcurrent()
                || op instanceof RemoveIndex r && r.isConcurrent());
        boolean userSqlOutsideTransaction = range.stream().filter(s -> !s.atomic())
                .anyMatch(s -> s.operations().stream().anyMatch(op -> op instanceof RunSql || op instanceof SeparateDatabaseAndState));
        return !concurrent && !userSqlOutsideTransaction;
    }

    /** The squash must leave the state the range leaves; anything else is a bug of a fold rule. */
    private static void checkSameState(String app, ProjectState before, List<MigrationSpec> range, List<Operation> folded) {
        ProjectState expected = MigrationGraph.replay(before, range);
        ProjectState actual = before;
        for (Operation op : folded) {
            actual = StateTransitions.apply(op, app, actual);
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("keel bug: the squashed operations do not build the schema the migrations"
                    + " they replace build.\nExpected: " + expected + "\nGot: " + actual);
        }
    }

    private static void checkGraph(List<MigrationSpec> specs, MigrationSpec squash) {
        var keys = new LinkedHashSet<MigrationKey>();
        specs.forEach(s -> keys.add(s.key()));
        if (keys.contains(squash.key())) {
            throw new KeelException(ErrorKind.USAGE, "a migration " + squash.key() + " exists already.\n"
                    + "To fix: name the squash with --squashed-name.");
        }
        var all = new ArrayList<>(specs);
        all.add(squash);
        MigrationGraph.of(all);
    }
}
