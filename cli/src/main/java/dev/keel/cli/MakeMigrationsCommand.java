package dev.keel.cli;

import dev.keel.diff.DiffHints;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import dev.keel.migration.MigrationSpec;
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
                "Nothing is written when a decision is needed (exit 3) or the history has forked (exit 4).",
                "",
                "With --update, the changes go into each app's latest migration instead (its name kept, or NNNN_WORDS"
                + " with --name), as long as no database keel can see has applied it and git has not committed it:"
                + " keel reads the history of every database of keel.json (each target; the embedded PostgreSQL in"
                + " .keel/pg for a database without a url, when it exists), and refuses when one records it, when one"
                + " cannot be read (unless --skip-database-check), when HEAD holds the file, when it is a squash, when"
                + " another migration depends on it, or when it runs Java. The latest migration's operations and the"
                + " new ones are folded as squashmigrations folds them, and its new tables count as empty.",
                "",
                "With --scriptable, standard output carries only the paths of the files written (or, with"
                + " --dry-run, that would be), one a line; messages, questions and the sources go to standard error.",
                "",
                "Examples:",
                "  keel makemigrations               a new migration for each app that changed",
                "  keel makemigrations blog -n slug  only blog, named NNNN_slug",
                "  keel makemigrations --update      into each changed app's latest migration",
                "  git add $(keel makemigrations --scriptable)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written, or nothing to write", "1:--check found a missing migration or a stale lockfile",
                "2:usage, or --update refused (the message says which database or commit)", "3:a decision is needed",
                "4:the history has forked"})
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

    @Option(names = {"-n", "--name"}, paramLabel = "WORDS", description = "Name the migration NNNN_WORDS instead of the"
            + " name keel derives from its operations. With --update: rename the latest migration NNNN_WORDS (same"
            + " number); the lockfile follows.")
    String name;

    @Option(names = "--update", description = "Fold the changes into each changed app's latest migration instead of"
            + " writing a new one, when no database keel can see has applied it and HEAD does not hold its file."
            + " Refuses otherwise, saying which database or commit.")
    boolean update;

    @Option(names = "--skip-database-check", description = "With --update: do not read the databases' history."
            + " For a database keel cannot reach where you know the latest migration is not applied.")
    boolean skipDatabaseCheck;

    @Option(names = "--scriptable", description = "Print only the paths of the written migration files on standard"
            + " output, one a line; everything else (messages, questions, the --dry-run sources) on standard error."
            + " For scripts: git add $(keel makemigrations --scriptable).")
    boolean scriptable;

    @Option(names = "--rename", paramLabel = "HINT", description = "A rename keel cannot see in the entities:"
            + " app.Model.oldField=newField or app.OldModel=NewModel. The same as @RenamedFrom on the entity.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--allow-unsafe", paramLabel = "CHANGE", description = "Write the one-step form of a change keel"
            + " writes as expand and contract or refuses: type-change (a column type change that rewrites the table),"
            + " rename (a real column rename; the sequence of a renamed table renamed instead of forked),"
            + " generated-column (a stored generated column added to a table with rows, or its expression changed: both"
            + " rewrite the table) or enum-value-removal (a PostgreSQL enum type rebuilt without a value, or with values"
            + " moved). Only for tables that are small or offline.")
    Set<String> allowUnsafe = Set.of();

    @Option(names = "--using", paramLabel = "FIELD=SQL", description = "For a column type change keel cannot convert"
            + " alone (text to jsonb, timestamp to timestamptz): app.Model.field=expression, the SQL expression giving the"
            + " new value from the old column, written over the column's name (payload::jsonb). keel writes the change as"
            + " expand and contract with it.")
    List<String> using = new ArrayList<>();

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
    record Written(String app, String name, String file, boolean atomic, boolean postDeployment, List<String> operations,
                   boolean updated, String previousFile) {}

    record Report(List<Written> migrations, List<String> notes, List<String> problems, List<String> overlaps,
                  List<String> folds) {}

    @Override
    public Integer call() {
        for (String change : allowUnsafe) {
            if (!Set.of(SafetyOptions.TYPE_CHANGE, SafetyOptions.RENAME, SafetyOptions.GENERATED_COLUMN,
                    SafetyOptions.ENUM_VALUE_REMOVAL).contains(change)) {
                throw new picocli.CommandLine.ParameterException(project.command.commandLine(),
                        "--allow-unsafe takes type-change, rename, generated-column or enum-value-removal, not " + change);
            }
        }
        if (scriptable && json.enabled()) {
            throw new picocli.CommandLine.ParameterException(project.command.commandLine(),
                    "--scriptable and --json each say what standard output carries; give one of them");
        }
        if (skipDatabaseCheck && !update) {
            throw new picocli.CommandLine.ParameterException(project.command.commandLine(),
                    "--skip-database-check goes with --update only");
        }
        DiffHints hints = DiffHints.NONE;
        for (String r : renames) {
            hints = hints.plus(DiffHints.parseRename(r));
        }
        var usingByField = new java.util.HashMap<String, String>();
        for (String u : using) {
            int eq = u.indexOf('=');
            if (eq < 0 || u.substring(0, eq).strip().split("\\.").length != 3 || u.substring(eq + 1).isBlank()) {
                throw new picocli.CommandLine.ParameterException(project.command.commandLine(),
                        "--using takes app.Model.field=expression (the SQL giving the new value from the old column), not " + u);
            }
            usingByField.put(u.substring(0, eq).strip(), u.substring(eq + 1).strip());
        }
        var options = new MakeOptions(apps, check, dryRun, empty, merge, name, deletePending,
                new SafetyOptions(allowUnsafe, Set.copyOf(project.config().largeTables()),
                        project.config().severalDatabases(), usingByField), hints, update);
        var questioner = TerminalQuestioner.forThisProcess(!noInput && !check && !json.enabled(), log(), notRenamed);
        Timings timings = project.timings();
        timings.printLibraryPhases();
        long start = System.nanoTime();
        MakeResult result = new MakeMigrations(project.entitySource(), questioner,
                Caches.of(project.projectDir(), project.config()), this::refusals)
                .run(project.config(), project.projectDir(), options, project.checksAhead());
        timings.report("makemigrations" + (check ? " --check" : ""), java.time.Duration.ofNanos(System.nanoTime() - start));
        if (json.enabled()) {
            JsonMixin.print(project.out(), report(result));
        } else {
            print(result);
            hibernateNote(result, options).ifPresent(n -> log().println("note: " + n));
            hibernateMismatch().ifPresent(w -> log().println("warning: " + w));
        }
        if (scriptable && !check) {
            result.migrations().forEach(m -> project.out().println(relative(m.file())));
            project.out().flush();
        }
        return check && !result.problems().isEmpty() ? 1 : 0;
    }

    /**
     * Under Hibernate 7, which tables the changes found may owe to Hibernate 7's schema (its checks on inheritance, times
     * as {@code time(0)}...) rather than to edited entities: those whose schema the entities map to differently as
     * Hibernate 6 and as Hibernate 7 (both scanned, only when there are changes). A project that moves to Spring Boot 4
     * sees its first migration on 7 explained, not only listed.
     */
    private java.util.Optional<String> hibernateNote(MakeResult result, MakeOptions options) {
        dev.keel.scan.HibernateTarget.Decision decision = project.hibernate();
        boolean changes = !result.migrations().isEmpty() || check && !result.problems().isEmpty();
        if (decision.version() != dev.keel.config.HibernateVersion.V7 || !changes || empty || merge) {
            return java.util.Optional.empty();
        }
        dev.keel.project.ProjectState on6;
        dev.keel.project.ProjectState on7;
        try {
            on7 = project.entitySource().scan(project.config(), project.projectDir()).state();
            // without the cache: a scan as 6 stored there would take the place of the project's own
            on6 = dev.keel.scan.EntityScanner.scan(project.projectDir(),
                    project.config().withHibernate(dev.keel.config.HibernateVersion.V6));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // the entities do not map on Hibernate 6: nothing to compare with
        }
        var differing = new java.util.TreeSet<String>();
        for (dev.keel.state.Table t : on7.tables()) {
            if (on6.tables().stream().noneMatch(t::equals) && builtAsOn6(result.before(), on6, t.qualifiedName())) {
                differing.add(t.qualifiedName());
            }
        }
        for (dev.keel.state.Table t : on6.tables()) {
            if (on7.tables().stream().noneMatch(t::equals) && builtAsOn6(result.before(), on6, t.qualifiedName())) {
                differing.add(t.qualifiedName());
            }
        }
        // compared as sets: the two scans' collections need not be of one kind (a cached scan's and a fresh one's)
        boolean sameSequences = new java.util.HashSet<>(on6.sequences()).equals(new java.util.HashSet<>(on7.sequences()));
        if (differing.isEmpty() && sameSequences) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the entities are mapped as " + decision.describe() + " creates them, and Hibernate"
                + " 6's schema of " + (differing.isEmpty() ? "the sequences" : "table" + (differing.size() == 1 ? " " : "s ")
                + String.join(", ", differing)) + " differs: the changes there come from Hibernate 7's schema (checks on"
                + " inheritance hierarchies, times as time(0) and the other differences the README lists), not from edited"
                + " entities. To keep Hibernate 6's schema while the application runs on 6, set \"hibernate\": \"6\" in"
                + " keel.json.");
    }

    /**
     * Whether the migrations on disk build table {@code name} as the entities map it on Hibernate 6: only then can
     * Hibernate 7 be why it changes (a project that started on 7, or whose table was already migrated to 7's schema, is
     * not told at every later edit). True when the run gave no state to compare with.
     */
    private static boolean builtAsOn6(dev.keel.project.ProjectState before, dev.keel.project.ProjectState on6, String name) {
        if (before == null) {
            return true;
        }
        var built = before.tables().stream().filter(t -> t.qualifiedName().equals(name)).findFirst();
        var mapped = on6.tables().stream().filter(t -> t.qualifiedName().equals(name)).findFirst();
        return built.isPresent() && mapped.isPresent() && dev.keel.diff.SchemaComparison.normal(built.get())
                .equals(dev.keel.diff.SchemaComparison.normal(mapped.get()));
    }

    /**
     * keel.json's {@code "hibernate"} against what the build brings: a project pinned to 6 that moved to Spring Boot 4
     * (or the other way) is told, since keel goes on writing the pinned version's schema.
     */
    private java.util.Optional<String> hibernateMismatch() {
        dev.keel.config.KeelConfig config = project.config();
        if (!project.hibernate().source().startsWith("keel.json")) {
            return java.util.Optional.empty();
        }
        dev.keel.scan.HibernateTarget.Decision build = dev.keel.scan.HibernateTarget.decide(project.projectDir(),
                config.withHibernate(null));
        if (!build.found() || build.version() == config.hibernateVersion()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("keel.json says \"hibernate\": \"" + config.hibernateVersion().label() + "\", and the"
                + " build brings " + build.describe() + ": keel writes " + config.hibernateVersion().describe() + "'s schema."
                + "\nTo fix: once the application runs on " + build.version().describe() + ", set \"hibernate\": \""
                + build.version().label() + "\" in keel.json and run keel makemigrations (the schema changes it brings"
                + " come as migrations of their own).");
    }

    /** Where messages go: standard output, or standard error with --scriptable. */
    private PrintWriter log() {
        return scriptable ? project.err() : project.out();
    }

    /**
     * Why --update may not rewrite these latest migrations: applied in a database keel can see (or a database
     * that cannot be read), or committed (HEAD holds the file).
     */
    private List<String> refusals(List<MigrationSpec> latest) {
        var problems = new ArrayList<String>();
        for (MigrationSpec spec : latest) {
            Path file = Path.of(spec.origin());
            try {
                Git.committed(file).ifPresent(commit -> problems.add(relative(file) + ": " + spec.key() + " is committed"
                        + " (HEAD holds it, last changed by " + commit + "); others may have it already.\nTo fix: run"
                        + " keel makemigrations without --update, which writes the changes as a new migration."));
            } catch (dev.keel.error.KeelException e) {
                problems.add(relative(file) + ": keel could not ask git whether " + spec.key() + " is committed: "
                        + e.getMessage());
            }
        }
        if (skipDatabaseCheck) {
            log().println("note: --skip-database-check: no database's history was read.");
            return problems;
        }
        var keys = latest.stream().map(MigrationSpec::key).toList();
        WhereApplied.Result where = WhereApplied.of(project.config(), project.projectDir(),
                dev.keel.runner.MigrationSet.of(project.migrationSpecs(), project.config(), project.projectDir()), keys,
                project.err());
        where.applied().forEach((key, places) -> problems.add(latest.stream().filter(s -> s.key().equals(key))
                .map(s -> relative(Path.of(s.origin()))).findFirst().orElse(key.toString()) + ": " + key
                + " is applied to " + String.join(", ", places) + ".\nTo fix: run keel makemigrations without --update,"
                + " which writes the changes as a new migration (or unapply it there first: keel migrate "
                + key.app() + " " + previous(latest, key) + ")."));
        if (!where.unreachable().isEmpty()) {
            problems.add("keel could not read the history of " + String.join("; ", where.unreachable()) + ", so it cannot"
                    + " tell whether " + keys + " is applied there.\nTo fix: start that database, or, knowing the"
                    + " latest migration is not applied there, add --skip-database-check.");
        }
        if (where.checked().isEmpty() && where.unreachable().isEmpty()) {
            log().println("note: no database is configured and the embedded PostgreSQL (" + dev.keel.runner.EmbeddedDatabase.FOLDER
                    + ") does not exist: nothing is applied anywhere keel can see.");
        }
        return problems;
    }

    /** The migration of the app that {@code key} follows (what {@code migrate APP PREVIOUS} unapplies to), or zero. */
    private static String previous(List<MigrationSpec> latest, dev.keel.migration.MigrationKey key) {
        return latest.stream().filter(s -> s.key().equals(key)).flatMap(s -> s.dependencies().stream())
                .filter(d -> d.app().equals(key.app())).map(dev.keel.migration.MigrationKey::name).findFirst()
                .orElse(dev.keel.graph.MigrationTarget.ZERO);
    }

    private Report report(MakeResult r) {
        return new Report(r.migrations().stream().map(m -> new Written(m.spec().app(), m.spec().name(),
                relative(m.file()), m.spec().atomic(), m.spec().postDeployment(),
                m.spec().operations().stream().map(Operation::describe).toList(), m.rewrites(),
                m.renames() ? relative(m.previousFile()) : null)).toList(),
                r.notes(), r.problems(), r.overlaps(), r.folds());
    }

    private void print(MakeResult r) {
        PrintWriter out = log();
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
                        + (m.spec().atomic() ? "" : "  (non-atomic)")
                        + (m.renames() ? "  (updated, renamed from " + m.previousFile().getFileName() + ")"
                        : m.rewrites() ? "  (updated)" : ""));
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
        if (!r.folds().isEmpty()) {
            out.println("Folded: " + SquashMigrationsCommand.foldSummary(r.folds()));
        }
        r.overlaps().forEach(o -> out.println("warning: " + o));
        r.notes().forEach(n -> out.println("note: " + n));
    }

    private String relative(Path file) {
        return project.projectDir().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
