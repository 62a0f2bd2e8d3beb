package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.runner.MigrationSet;
import dev.keel.squash.OptimizeMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code keel optimizemigration APP NAME}: one migration's operations folded, in place. */
@Command(name = "optimizemigration", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Folds the operations of one migration as squashmigrations folds a range (a model created then"
                + " changed is created as it ends up, a field added then removed is left out, alterations in a row"
                + " become the last one) and rewrites its file in place: same name, same dependencies, same"
                + " transaction and phase. The folded operations build the same schema from the same state (keel"
                + " checks it), so the migration replays as before.",
                "",
                "The rewritten file has another checksum, and keel migrate refuses an applied migration whose"
                + " checksum changed. So keel reads the history of every database of keel.json (each target; the"
                + " embedded PostgreSQL in .keel/pg for a database without a url, when it exists) and refuses a"
                + " migration one of them records, or when one cannot be read. --force rewrites it all the same; then"
                + " run keel migrate --repair-checksum APP NAME on each database that applied it (the schema there"
                + " is already what the folded operations build).",
                "",
                "A migration that runs Java (RunJava) is refused: its methods would be lost. Comments in the file"
                + " are not kept; the file is written as keel writes migrations.",
                "",
                "Examples:",
                "  keel optimizemigration blog 0005          fold 0005_... of blog in place",
                "  keel optimizemigration blog 0005 --check  exit 1 if it would fold (CI)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:optimized, or nothing to fold", "1:--check: the migration would fold",
                "2:usage, or refused (applied, a database not read, RunJava)"})
final class OptimizeMigrationCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;

    @Parameters(index = "0", paramLabel = "APP", description = "The app (a label from keel.json).")
    String app;

    @Parameters(index = "1", paramLabel = "NAME", description = "The migration: its name or a unique prefix (0005).")
    String name;

    @Option(names = "--check", description = "Write nothing; exit 1 when the migration would fold, 0 when not.")
    boolean check;

    @Option(names = "--dry-run", description = "Print the optimized migration, write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Rewrite the migration even when a database has applied it, or cannot"
            + " be read; then repair its checksum there (keel migrate --repair-checksum APP NAME).")
    boolean force;

    @Option(names = "--skip-database-check", description = "Do not read the databases' history: for a migration you"
            + " know no database has applied.")
    boolean skipDatabaseCheck;

    @Mixin JsonMixin json;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        config.requireApp(app);
        List<MigrationSpec> specs = project.migrationSpecs();
        OptimizeMigration.Result result = OptimizeMigration.plan(config, specs, app, name);
        MigrationSpec spec = result.original();
        var appliedAt = new ArrayList<String>();
        var unreadable = new ArrayList<String>();
        boolean writes = result.optimized() && !check && !dryRun;
        if (writes && !skipDatabaseCheck) {
            WhereApplied.Result where = WhereApplied.of(config, project.projectDir(),
                    MigrationSet.of(specs, config, project.projectDir()), List.of(spec.key()), project.err());
            appliedAt.addAll(where.applied().getOrDefault(spec.key(), List.of()));
            unreadable.addAll(where.unreachable());
            if (!force && (!appliedAt.isEmpty() || !unreadable.isEmpty())) {
                var problems = new ArrayList<String>();
                if (!appliedAt.isEmpty()) {
                    problems.add(relative(spec) + ": " + spec.key() + " is applied to " + String.join(", ", appliedAt)
                            + "; rewriting it changes its checksum, and keel migrate would refuse it there.\nTo fix:"
                            + " leave it as it is, or add --force and then run keel migrate --repair-checksum " + app
                            + " " + spec.name() + " on each of those databases.");
                }
                if (!unreadable.isEmpty()) {
                    problems.add("keel could not read the history of " + String.join("; ", unreadable) + ", so it cannot"
                            + " tell whether " + spec.key() + " is applied there.\nTo fix: start that database, or,"
                            + " knowing it is not applied there, add --skip-database-check.");
                }
                throw new KeelException(ErrorKind.USAGE, problems);
            }
        }
        if (writes) {
            OptimizeMigration.write(result);
        }
        if (json.enabled()) {
            Map<String, Object> out = new TreeMap<>();
            out.put("app", app);
            out.put("name", spec.name());
            out.put("file", relative(spec));
            out.put("operationsBefore", spec.operations().size());
            out.put("operationsAfter", result.migration().spec().operations().size());
            out.put("operations", result.migration().spec().operations().stream().map(Operation::describe).toList());
            out.put("folds", result.folds());
            out.put("optimizable", result.optimized());
            out.put("written", writes);
            out.put("appliedTo", appliedAt);
            JsonMixin.print(project.out(), out);
        } else {
            print(result, writes, appliedAt);
        }
        return check && result.optimized() ? 1 : 0;
    }

    private void print(OptimizeMigration.Result r, boolean writes, List<String> appliedAt) {
        PrintWriter out = project.out();
        MigrationSpec before = r.original();
        if (!r.optimized()) {
            out.println("No optimizations possible: the " + before.operations().size() + " operations of "
                    + before.key() + " fold no further.");
            out.flush();
            return;
        }
        var after = r.migration().spec();
        out.println((writes ? "Optimized " : check ? "Could optimize " : "Would optimize ") + relative(before) + ": "
                + before.operations().size() + " operations folded into " + after.operations().size() + " ("
                + SquashMigrationsCommand.foldSummary(r.folds()) + ")");
        after.operations().forEach(op -> out.println("    - " + op.describe()));
        if (dryRun) {
            out.println("\n// " + relative(before) + "\n" + r.migration().source());
        }
        if (writes && !appliedAt.isEmpty()) {
            out.println("warning: " + before.key() + " is applied to " + String.join(", ", appliedAt) + ": run keel"
                    + " migrate --repair-checksum " + app + " " + before.name() + " on each of them.");
        }
        if (check) {
            out.println("To fix: run keel optimizemigration " + app + " " + before.name() + ".");
        }
        out.flush();
    }

    private String relative(MigrationSpec spec) {
        Path file = Path.of(spec.origin()).toAbsolutePath().normalize();
        return project.projectDir().toAbsolutePath().normalize().relativize(file).toString();
    }
}
