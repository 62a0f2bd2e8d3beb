package dev.keel.squash;

import dev.keel.config.KeelConfig;
import dev.keel.emit.MigrationWriter;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.make.MigrationFiles;
import dev.keel.make.NewMigration;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.RunJava;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code keel optimizemigration APP NAME}: the operations of one migration folded by the squash
 * {@link Optimizer}, in place (same name, same dependencies), as Django's {@code optimizemigration}
 * does. The folded operations build the same schema from the same state (checked), so the migration
 * replays as before; its checksum changes, which is why the command line refuses a migration a
 * database has applied.
 */
public final class OptimizeMigration {
    /**
     * The migration before and after, and the folds made.
     *
     * @param migration the rewritten migration (same key and file), or the original when nothing folds
     */
    public record Result(MigrationSpec original, NewMigration migration, List<String> folds) {
        /** Whether the optimizer folded anything. */
        public boolean optimized() {
            return !folds.isEmpty();
        }
    }

    private OptimizeMigration() {}

    /**
     * Plans the optimization of migration {@code typed} (a name or unique prefix) of {@code app}.
     *
     * @throws KeelException of kind USAGE for an unknown migration, one not read from a source file, or
     *                       one that runs Java (its methods would be lost when the file is rewritten)
     */
    public static Result plan(KeelConfig config, List<MigrationSpec> specs, String app, String typed) {
        var appConfig = config.requireApp(app);
        MigrationGraph graph = MigrationGraph.of(specs);
        MigrationTarget target = graph.resolve(app, typed);
        if (target.isZero()) {
            throw new KeelException(ErrorKind.USAGE, "optimizemigration needs a migration name, not "
                    + MigrationTarget.ZERO + ".\nTo fix: name the migration to optimize.");
        }
        MigrationSpec spec = graph.spec(target.key()).orElseThrow();
        String where = spec.origin() == null ? spec.key().toString() : spec.origin();
        if (spec.operations().stream().anyMatch(op -> op instanceof RunJava)) {
            throw new KeelException(ErrorKind.USAGE, where + ": migration " + spec.key() + " runs Java (RunJava), whose"
                    + " methods keel would lose when it rewrites the file.\nTo fix: fold its operations by hand, or"
                    + " move the schema operations around the data step into a migration of their own.");
        }
        if (spec.origin() == null || !spec.origin().endsWith(".java")) {
            throw new KeelException(ErrorKind.USAGE, spec.key() + " was not read from a source file keel can rewrite ("
                    + spec.origin() + ").\nTo fix: run keel optimizemigration on the project's sources (--sources).");
        }
        ProjectState before = graph.stateAt(spec.dependencies());
        Optimizer.Result folded = new Optimizer().optimize(app, before, spec.operations());
        Path file = Path.of(spec.origin());
        if (folded.folds().isEmpty()) {
            return new Result(spec, new NewMigration(spec, file, null, file), List.of());
        }
        ProjectState expected = replay(app, before, spec.operations());
        if (!expected.equals(replay(app, before, folded.operations()))) {
            throw new IllegalStateException("keel bug: the optimized operations of " + spec.key()
                    + " do not build the schema the migration builds.\nExpected: " + expected);
        }
        var optimized = new MigrationSpec(spec.key(), spec.dependencies(), folded.operations(),
                spec.atomic(), spec.postDeployment(),
                spec.initial(), spec.replaces(), spec.origin());
        var header = new java.util.ArrayList<>(classComment(file));
        header.removeIf(line -> line.startsWith("Optimized by keel optimizemigration:"));
        if (!header.isEmpty() && !header.get(header.size() - 1).isBlank()) {
            header.add("");
        }
        header.add("Optimized by keel optimizemigration: " + spec.operations().size() + " operations folded into "
                + folded.operations().size() + ".");
        String source = new MigrationWriter().write(optimized, appConfig.migrationsPackage(), header);
        return new Result(spec, new NewMigration(optimized, file, source, file), folded.folds());
    }

    /**
     * Writes the optimized migration over its file, once it reads back to what was meant. The lockfile
     * names the same migrations as before: the name does not change.
     */
    public static void write(Result result) {
        if (result.optimized()) {
            MigrationFiles.writeFiles(List.of(result.migration()));
        }
    }

    /** The lines of the Javadoc comment above the migration class in {@code file}, kept in the rewritten file. */
    static List<String> classComment(Path file) {
        String text;
        if (!java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new KeelException(ErrorKind.USAGE, file + ": cannot read: " + e.getMessage(), e);
        }
        var m = java.util.regex.Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public\\s+(?:final\\s+)?class\\s",
                java.util.regex.Pattern.DOTALL).matcher(text);
        if (!m.find()) {
            return List.of();
        }
        var lines = new java.util.ArrayList<String>();
        for (String line : m.group(1).split("\n")) {
            lines.add(line.strip().replaceFirst("^\\*\\s?", "").stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static ProjectState replay(String app, ProjectState state, List<dev.keel.operations.Operation> ops) {
        for (var op : ops) {
            state = StateTransitions.apply(op, app, state);
        }
        return state;
    }
}
