package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.migration.MigrationSpec;
import dev.keel.squash.Squash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code keel squashmigrations APP [FROM] TO}: one migration in place of a range. */
@Command(name = "squashmigrations", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes one migration that replaces the migrations of APP from FROM (default: its first) to TO,"
                + " with their operations folded: a model created then changed is created as it ends up, a field"
                + " added then removed is left out, alterations in a row become the last one.",
                "The squash declares replaces(...) for each migration it stands for. A database where none of them"
                + " is applied runs the squash; one where all are counts it as applied; one where some are finishes"
                + " with the originals. Once every database has the squash, the replaced files may be deleted"
                + " (keep the replaces(...) lines): dependencies on them lead to the squash."})
final class SquashMigrationsCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;

    @Parameters(index = "0", paramLabel = "APP", description = "The app (a label from keel.json).")
    String app;

    @Parameters(index = "1..2", arity = "1..2", paramLabel = "[FROM] TO",
            description = "The first (optional) and the last migration of the range: names or unique prefixes (0004).")
    List<String> range;

    @Option(names = "--squashed-name", paramLabel = "WORDS",
            description = "Name the squash NNNN_WORDS instead of NNNN_squashed_TO.")
    String words;

    @Option(names = "--dry-run", description = "Print the squash, write nothing.")
    boolean dryRun;

    @Mixin JsonMixin json;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        config.requireApp(app);
        String from = range.size() == 2 ? range.get(0) : null;
        String to = range.get(range.size() - 1);
        List<MigrationSpec> specs = project.migrationSpecs();
        Squash.Result result = Squash.plan(config, project.projectDir(), specs, app, from, to, words);
        if (!dryRun) {
            Squash.write(config, project.projectDir(), specs, result);
        }
        if (json.enabled()) {
            Map<String, Object> out = new TreeMap<>();
            out.put("app", app);
            out.put("name", result.migration().spec().name());
            out.put("file", project.projectDir().relativize(result.migration().file()).toString());
            out.put("replaces", result.replaced().stream().map(k -> k.app() + "." + k.name()).toList());
            out.put("operationsBefore", result.operationsBefore());
            out.put("operationsAfter", result.migration().spec().operations().size());
            out.put("folds", result.folds());
            out.put("notes", result.notes());
            out.put("written", !dryRun);
            JsonMixin.print(project.out(), out);
            return 0;
        }
        print(result);
        return 0;
    }

    private void print(Squash.Result r) {
        PrintWriter out = project.out();
        var spec = r.migration().spec();
        out.println((dryRun ? "Would squash " : "Squashed ") + r.replaced().size() + " migrations of '" + app + "' into "
                + project.projectDir().relativize(r.migration().file()) + ":");
        r.replaced().forEach(k -> out.println("  replaces " + k));
        out.println("  " + r.operationsBefore() + " operations folded into " + spec.operations().size()
                + (r.folds().isEmpty() ? "" : " (" + foldSummary(r.folds()) + ")"));
        spec.operations().forEach(op -> out.println("    - " + op.describe()));
        r.notes().forEach(n -> out.println("note: " + n));
        if (dryRun) {
            out.println("\n// " + project.projectDir().relativize(r.migration().file()) + "\n" + r.migration().source());
        } else {
            out.println("Commit it with the replaced files; delete those only once every database has applied the squash.");
        }
        out.flush();
    }

    /** {@code create+field change x3, add+remove field} */
    static String foldSummary(List<String> folds) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        folds.forEach(f -> counts.merge(f, 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : "")).toList());
    }
}
