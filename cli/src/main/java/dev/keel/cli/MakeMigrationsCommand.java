package dev.keel.cli;

import dev.keel.diff.DiffHints;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import dev.keel.operations.Operation;
import dev.keel.rewrite.SafetyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code keel makemigrations}: writes the next migration of each app whose entities changed. */
@Command(name = "makemigrations", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the entities with the schema the migrations build, and writes the next migration"
                + " of each app that changed, in its zero-downtime form.",
                "Nothing is written when a decision is needed (exit 3) or the history has forked (exit 4)."})
final class MakeMigrationsCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin JsonMixin json;

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Only these apps (labels from keel.json). Default: every app.")
    List<String> apps = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing. Exit 1 when a migration is missing, the lockfile is"
            + " stale, or an app has several latest migrations: the pre-commit and CI gate.")
    boolean check;

    @Option(names = "--dry-run", description = "Show the migrations that would be written, and write nothing.")
    boolean dryRun;

    @Option(names = "--empty", description = "Write a data migration in each APP to fill in by hand:"
            + " runSql with its reverse and runJava methods with a commented batched walk (ctx.batches), non-atomic and"
            + " post-deployment. As written it changes nothing; test it with @MigrationTest.")
    boolean empty;

    @Option(names = "--merge", description = "For each app with several latest migrations, write a merge migration"
            + " that depends on all of them, and report the columns that more than one branch changes.")
    boolean merge;

    @Option(names = "--name", paramLabel = "WORDS", description = "Name the migration NNNN_WORDS instead of the"
            + " name keel derives from its operations.")
    String name;

    @Option(names = "--rename", paramLabel = "HINT", description = "A rename keel cannot see in the entities:"
            + " app.Model.oldField=newField or app.OldModel=NewModel. The same as @RenamedFrom on the entity.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--allow-unsafe", paramLabel = "CHANGE", description = "Write a change keel refuses by default:"
            + " type-change (a column type change that rewrites the table) or rename (a real table or column"
            + " rename). Only for tables that are small or offline.")
    Set<String> allowUnsafe = Set.of();

    @Option(names = "--delete-pending", description = "Also write the second phase of every two-phase removal:"
            + " drop the pending columns and tables. Only once the migrations that made them pending are deployed.")
    boolean deletePending;

    @Option(names = "--no-input", description = "Never ask: a likely rename, or a NOT NULL column without a default,"
            + " stops with exit 3 and prints the hint that settles it. The default when not at a terminal.")
    boolean noInput;

    @Option(names = "--not-renamed", description = "The likely renames keel reports are not renames: write the removal"
            + " of the old field or model and the addition of the new one (the old column or table goes to pending).")
    boolean notRenamed;

    /** One written migration as --json prints it. */
    record Written(String app, String name, String file, boolean atomic, boolean postDeployment, List<String> operations) {}

    record Report(List<Written> migrations, List<String> notes, List<String> problems, List<String> overlaps) {}

    @Override
    public Integer call() {
        for (String change : allowUnsafe) {
            if (!Set.of(SafetyOptions.TYPE_CHANGE, SafetyOptions.RENAME).contains(change)) {
                throw new picocli.CommandLine.ParameterException(project.command.commandLine(),
                        "--allow-unsafe takes type-change or rename, not " + change);
            }
        }
        DiffHints hints = DiffHints.NONE;
        for (String r : renames) {
            hints = hints.plus(DiffHints.parseRename(r));
        }
        var options = new MakeOptions(apps, check, dryRun, empty, merge, name, deletePending,
                new SafetyOptions(allowUnsafe, Set.copyOf(project.config().largeTables()),
                        project.config().severalDatabases()), hints);
        var questioner = TerminalQuestioner.forThisProcess(!noInput && !check && !json.enabled(), project.out(), notRenamed);
        MakeResult result = new MakeMigrations(project.entitySource(), questioner,
                Caches.of(project.projectDir(), project.config()))
                .run(project.config(), project.projectDir(), options);
        if (json.enabled()) {
            JsonMixin.print(project.out(), report(result));
        } else {
            print(result);
        }
        return check && !result.problems().isEmpty() ? 1 : 0;
    }

    private Report report(MakeResult r) {
        return new Report(r.migrations().stream().map(m -> new Written(m.spec().app(), m.spec().name(),
                relative(m.file()), m.spec().atomic(), m.spec().postDeployment(),
                m.spec().operations().stream().map(Operation::describe).toList())).toList(),
                r.notes(), r.problems(), r.overlaps());
    }

    private void print(MakeResult r) {
        PrintWriter out = project.out();
        if (check) {
            if (r.problems().isEmpty()) {
                out.println("No changes: every app's migrations match its entities, and the lockfile is current.");
            }
            r.problems().forEach(p -> out.println("error: " + p));
            if (!r.problems().isEmpty()) {
                out.println("To fix: run keel makemigrations (or --merge for a forked app) and commit the result.");
            }
        } else if (r.migrations().isEmpty()) {
            out.println("No changes detected.");
        }
        String app = null;
        if (!check) {
            for (NewMigration m : r.migrations()) {
                if (!m.spec().app().equals(app)) {
                    app = m.spec().app();
                    out.println((dryRun ? "Migrations that would be written for " : "Migrations for ") + "'" + app + "':");
                }
                out.println("  " + relative(m.file()) + (m.spec().postDeployment() ? "  (post-deployment)" : "")
                        + (m.spec().atomic() ? "" : "  (non-atomic)"));
                m.spec().operations().forEach(op -> out.println("    - " + op.describe()));
                if (m.spec().operations().isEmpty() && m.spec().dependencies().size() > 1) {
                    out.println("    - Merge " + m.spec().dependencies());
                }
            }
            if (empty && !dryRun && !r.migrations().isEmpty()) {
                out.println("Edit forwards() and backwards() (or the SQL) of the data migration; as written it changes nothing.");
            }
            if (dryRun && !r.migrations().isEmpty()) {
                r.migrations().forEach(m -> out.println("\n// " + relative(m.file()) + "\n" + m.source()));
            }
        }
        r.overlaps().forEach(o -> out.println("warning: " + o));
        r.notes().forEach(n -> out.println("note: " + n));
    }

    private String relative(Path file) {
        return project.projectDir().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
