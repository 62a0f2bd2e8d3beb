package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.Migrator;
import dev.keel.runner.Plan;
import dev.keel.runner.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel migrate}: applies the migrations, or unapplies them back to a target. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Applies the migrations to PostgreSQL, or unapplies them back to a target.",
                "Without APP: every app, to its latest migration. With APP: that app (and what it depends on)."
                        + " With APP TARGET: forwards or backwards to TARGET, a migration name or unique prefix"
                        + " (0005), or zero for none.",
                "Deploy-time migrations run under database.lockTimeout (2s) and database.statementTimeout (5s),"
                        + " except concurrent index builds and validations, which block no writes and run without the"
                        + " statement timeout; post-deployment migrations are left for --post-deploy, and so are"
                        + " migrations that only build indexes or validate constraints on a large table (one listed in"
                        + " keel.json's largeTables, or of database.largeTableRows rows or more, 1000000 unless given)."
                        + " With no database.url, keel uses an embedded PostgreSQL kept in .keel/pg.",
                "With several databases in keel.json, --database NAME migrates one of them: only the operations of"
                        + " the entities routed there run, the others are recorded as not applicable. --all-targets"
                        + " migrates every target (region, tenant) in parallel and ends with a summary per target.",
                "--check is the deploy gate: it applies nothing and exits 1 while anything is unapplied. --prune removes"
                        + " the history records of migrations a squash replaced, once their files are gone."},
        footer = {"", "Examples:",
                "  keel migrate                   apply every deploy-time migration",
                "  keel migrate --post-deploy     after the deployment: the post-deployment ones",
                "  keel migrate blog 0003         move blog forwards or backwards to 0003",
                "  keel migrate --check           deploy gate: exit 1 while any is unapplied",
                "  keel migrate --prune --plan    list the records --prune would remove",
                "", "Exit codes: 0 ok (--check: up to date), 1 --check found unapplied migrations, 2 usage,"
                + " 4 history and files disagree (or --prune kept a record), 5 database error."})
final class MigrateCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin MigrationsMixin migrationsFrom;
    @Mixin DatabaseMixin db;
    @Mixin JsonMixin json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The app to migrate (a label from keel.json).")
    String app;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "Where to leave APP: a migration name or unique prefix, or zero.")
    String target;

    @Option(names = "--plan", description = "Print what would run, and run nothing. With --prune: list the records"
            + " it would remove, and remove nothing.")
    boolean plan;

    @Option(names = "--check", description = {"The deploy gate: apply nothing, list the migrations keel migrate would"
            + " apply (with APP TARGET: apply or unapply), and exit 1 when there is any, 0 when the database is up to"
            + " date. Post-deployment migrations that wait for --post-deploy are listed but do not count; with"
            + " --post-deploy they count too (the check after the post-deployment phase). A history that disagrees"
            + " with the files exits 4, as keel migrate would."})
    boolean check;

    @Option(names = "--prune", description = {"Remove from keel_migrations the records of migrations whose files are"
            + " gone and that a squash replaced (only APP's with APP), listing them first. A record goes only when a"
            + " squash of the project still lists the migration in its replaces(...) and is itself recorded as applied"
            + " here; the record of any other missing migration is kept, and keel says why and what to do (exit 4)."
            + " Workflow: squash, deploy everywhere, delete the replaced files, keel migrate --prune on each database,"
            + " then remove replaces(...) from the squash."})
    boolean prune;

    @Option(names = "--fake", description = "Record the migrations as applied (or, backwards, as unapplied) without"
            + " running them: for a database changed by hand.")
    boolean fake;

    @Option(names = "--post-deploy", description = "Also run the post-deployment migrations (index builds on large"
            + " tables, backfills), without the statement timeout. Run it after the deployment.")
    boolean postDeploy;

    @Option(names = "--all-targets", description = "Migrate every target of keel.json (regions, tenants): the targets"
            + " of --database, or of every database. Each target's history says where it stopped, so running this"
            + " again goes on from there.")
    boolean allTargets;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "With --all-targets: how many targets migrate at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--keep-going", description = "With --all-targets: start the remaining targets after one fails"
            + " (by default no new target starts after the first failure; running ones finish).")
    boolean keepGoing;

    @Option(names = "--repair-checksum", description = "With APP TARGET: record the current checksum of the applied"
            + " migration TARGET, whose file changed after it was applied. Only after reviewing the change.")
    boolean repairChecksum;

    /** What --json prints. */
    record Report(String database, boolean embedded, boolean backwards, boolean fake, boolean planOnly,
                  List<Plan.Planned> plan, List<MigrateResult.Done> done, List<Plan.Deferred> deferred) {}

    /** What --check --json prints. */
    record CheckReport(String database, boolean embedded, boolean postDeploy, boolean upToDate, boolean backwards,
                       List<Plan.Planned> unapplied, List<Plan.Deferred> deferred) {}

    /** What --prune --json prints. */
    record PruneReport(String database, boolean embedded, boolean dryRun, List<PrunedEntry> pruned,
                       List<RefusedEntry> refused) {}

    record PrunedEntry(String app, String name, String squash) {}

    record RefusedEntry(String app, String name, String reason) {}

    @Override
    public Integer call() {
        try {
            return run();
        } finally {
            ConnectionAhead early = project.takeEarlyConnection();
            if (early != null) {
                early.close(); // not taken: --check, --prune, --all-targets, or a failure before connecting
            }
        }
    }

    private Integer run() {
        KeelConfig config = project.config();
        if (app != null) {
            config.requireApp(app);
        }
        usage();
        if (check || prune) {
            return check ? check(config) : prune(config);
        }
        if (repairChecksum && target == null) {
            throw new KeelException(ErrorKind.USAGE, "--repair-checksum needs APP and the migration: keel migrate"
                    + " --repair-checksum APP NAME.\nTo fix: name the migration whose file changed.");
        }
        if (allTargets) {
            if (plan || repairChecksum) {
                throw new KeelException(ErrorKind.USAGE, "--all-targets does not go with --plan or --repair-checksum."
                        + "\nTo fix: use --target TARGET for one target's plan or checksum.");
            }
            return new FanOutRun(project, json).run(config, db.allSettings(config), db.allTargets(config),
                    migrationsFrom.migrations(project),
                    new MigrateRequest(app, target, fake, postDeploy), parallel, keepGoing);
        }
        ConnectionAhead ahead = connectAhead(config);
        dev.keel.runner.MigrationSet migrations;
        try {
            migrations = migrationsFrom.migrations(project);
        } catch (RuntimeException e) {
            if (ahead != null) {
                ahead.close();
            }
            throw e;
        }
        if (!repairChecksum) {
            migrations.decodeAhead(); // while the connection opens: the plan needs every migration's operations
        }
        PrintWriter notes = project.notes(json.enabled());
        var printer = printer(notes);
        // a run's lines are printed by a thread of their own, so that keel's next send to the server does not wait for them
        BackgroundPrinter lines = json.enabled() || plan || repairChecksum ? null : new BackgroundPrinter(printer);
        try (lines; DatabaseMixin.Opened opened = open(config, notes);
             Migrator migrator = connect(config, migrations, opened, json.enabled() ? printer.quiet()
                     : lines != null ? lines : printer, ahead)) {
            var request = new MigrateRequest(app, target, fake, postDeploy);
            if (repairChecksum) {
                MigrationKey key = migrator.repairChecksum(app, target);
                project.out().println("Recorded the current checksum of " + key + " in keel_migrations; its changed file"
                        + " is accepted as reviewed.");
                return 0;
            }
            if (plan) {
                Plan p = migrator.plan(request);
                if (json.enabled()) {
                    JsonMixin.print(project.out(), report(opened, p, List.of(), true));
                } else {
                    new MigratePrinter(project.out(), project.ansi()).plan(p);
                }
                return 0;
            }
            if (!json.enabled()) {
                printer.header((fake ? "Faking migrations on " : "Migrating ") + opened.describe()
                        + (config.severalDatabases() ? " (database " + db.databaseName(config) + ")" : "") + ":");
            }
            MigrateResult result;
            try {
                result = migrator.migrate(request);
            } finally {
                if (lines != null) {
                    lines.close(); // every line of the run printed, before the summary or the error
                }
            }
            // what the next run onto a database in the state this one started from sends as soon as it is connected
            migrator.firstSent().ifPresent(sent -> FirstSentStore.write(FirstSentStore.cache(project.projectDir(),
                    project.configFile()), db.databaseName(config), sent));
            if (json.enabled()) {
                JsonMixin.print(project.out(), report(opened, result.plan(), result.done(), false));
            } else {
                printer.summary(result);
            }
            return 0;
        }
    }

    /** The options that do not go together. */
    private void usage() {
        if (check && prune) {
            throw new KeelException(ErrorKind.USAGE, "--check and --prune are two different runs.\nTo fix: give one of"
                    + " them.");
        }
        String mode = check ? "--check" : prune ? "--prune" : null;
        if (mode == null) {
            return;
        }
        if (fake || repairChecksum || allTargets) {
            throw new KeelException(ErrorKind.USAGE, mode + " does not go with --fake, --repair-checksum or"
                    + " --all-targets.\nTo fix: run " + mode + " alone, with --database/--target for one database.");
        }
        if (check && plan) {
            throw new KeelException(ErrorKind.USAGE, "--check already applies nothing; --plan adds nothing to it.\n"
                    + "To fix: give --check alone (or --plan alone, to see the operations).");
        }
        if (prune && (target != null || postDeploy)) {
            throw new KeelException(ErrorKind.USAGE, "--prune takes at most an APP: it removes records, it does not"
                    + " move an app to a TARGET or run a phase.\nTo fix: keel migrate --prune [APP].");
        }
    }

    private MigratePrinter printer(PrintWriter notes) {
        return new MigratePrinter(notes, project.ansi(), project.verbosity(), project.timings());
    }

    private DatabaseMixin.Opened open(KeelConfig config, PrintWriter notes) {
        return db.open(config, project.projectDir(), notes, project.timings());
    }

    private Migrator connect(KeelConfig config, dev.keel.runner.MigrationSet migrations, DatabaseMixin.Opened opened,
                             dev.keel.runner.MigrateListener listener) {
        return connect(config, migrations, opened, listener, null);
    }

    /** {@link #connect}, on the connection {@code ahead} opened when there is one. */
    private Migrator connect(KeelConfig config, dev.keel.runner.MigrationSet migrations, DatabaseMixin.Opened opened,
                             dev.keel.runner.MigrateListener listener, ConnectionAhead ahead) {
        if (ahead == null) {
            return project.timings().time("connect", () -> Migrator.connect(migrations, opened.database,
                    db.settings(config), listener, DatabaseMixin.router(config), db.databaseName(config)));
        }
        return project.timings().time("connect", () -> {
            try {
                return Migrator.connect(migrations, opened.database, ahead.take(), db.settings(config), listener,
                        DatabaseMixin.router(config), db.databaseName(config));
            } catch (RuntimeException e) {
                ahead.close();
                throw e;
            }
        });
    }

    /**
     * Starts connecting to the database keel.json or the options name (not an embedded one, which is started after
     * the migrations are read), while the migrations are read; null when there is none, or when naming it fails (the
     * failure then comes where it did, after the migrations). The connection {@link EarlyConnection} started before the
     * arguments were parsed is taken when it is to that very database, and closed otherwise.
     */
    private ConnectionAhead connectAhead(KeelConfig config) {
        ConnectionAhead early = project.takeEarlyConnection();
        java.util.Optional<dev.keel.runner.Database> configured;
        try {
            configured = db.configured(config);
        } catch (RuntimeException e) {
            configured = java.util.Optional.empty();
        }
        if (early != null) {
            if (configured.isPresent() && early.isFor(configured.get())) {
                return early;
            }
            early.close();
        }
        return configured.map(ConnectionAhead::start).orElse(null);
    }

    /** {@code --check}: what keel migrate would run, listed; exit 1 when anything. */
    private int check(KeelConfig config) {
        var migrations = migrationsFrom.migrations(project);
        PrintWriter notes = project.notes(json.enabled());
        try (DatabaseMixin.Opened opened = open(config, notes);
             Migrator migrator = connect(config, migrations, opened, printer(notes).quiet())) {
            Plan p = migrator.plan(new MigrateRequest(app, target, false, postDeploy));
            if (json.enabled()) {
                JsonMixin.print(project.out(), new CheckReport(opened.describe(), opened.embedded, postDeploy, p.isEmpty(),
                        p.backwards(), p.migrations(), p.deferred()));
            } else if (project.verbosity() > Verbosity.QUIET) {
                printCheck(p, opened.describe() + (config.severalDatabases() ? " (database " + db.databaseName(config)
                        + ")" : ""));
            }
            project.out().flush();
            return p.isEmpty() ? 0 : 1;
        }
    }

    private void printCheck(Plan p, String where) {
        PrintWriter out = project.out();
        var ansi = project.ansi();
        String scope = app == null ? "" : " of " + app + (target == null ? "" : " (target " + target + ")");
        if (p.isEmpty()) {
            out.println(ansi.string("@|green Up to date:|@ ") + where + " has every "
                    + (postDeploy ? "" : "deploy-time ") + "migration" + scope + " applied.");
        } else {
            String rerun = "keel migrate" + (postDeploy ? " --post-deploy" : "") + (app == null ? "" : " " + app)
                    + (target == null ? "" : " " + target);
            out.println(ansi.string("@|red Not up to date:|@ ") + where + (p.backwards()
                    ? ": " + rerun + " would unapply " + count(p.migrations().size()) + ":"
                    : ": " + count(p.migrations().size()) + scope + " not applied (" + rerun + " applies them):"));
            for (Plan.Planned m : p.migrations()) {
                String flags = (m.postDeployment() ? "post-deployment" : "")
                        + (m.resumeFrom() > 0 ? (m.postDeployment() ? ", " : "") + "part-applied, " + m.resumeFrom()
                        + " steps done" : "");
                out.println("  " + (p.backwards() ? "[X] " : m.resumeFrom() > 0 ? "[~] " : "[ ] ") + m.key()
                        + (flags.isEmpty() ? "" : " (" + flags + ")"));
            }
        }
        if (!p.deferred().isEmpty()) {
            out.println("Not counted: " + count(p.deferred().size()) + " left for the post-deployment phase"
                    + " (keel migrate --post-deploy --check counts them):");
            for (Plan.Deferred d : p.deferred()) {
                out.println(ansi.string("  @|yellow [D]|@ ") + d.key() + " (" + d.reason() + ")");
            }
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }

    /** {@code --prune}: the records of replaced migrations whose files are gone, listed, then removed. */
    private int prune(KeelConfig config) {
        var migrations = migrationsFrom.migrations(project);
        PrintWriter notes = project.notes(json.enabled());
        PruneResult result;
        String where;
        boolean embedded;
        try (DatabaseMixin.Opened opened = open(config, notes);
             Migrator migrator = connect(config, migrations, opened, printer(notes).quiet())) {
            where = opened.describe() + (config.severalDatabases() ? " (database " + db.databaseName(config) + ")" : "");
            embedded = opened.embedded;
            result = migrator.prune(app, plan);
        }
        if (json.enabled()) {
            JsonMixin.print(project.out(), new PruneReport(where, embedded, plan,
                    result.pruned().stream().map(p -> new PrunedEntry(p.key().app(), p.key().name(), p.squash().toString())).toList(),
                    result.refused().stream().map(r -> new RefusedEntry(r.key().app(), r.key().name(), r.reason())).toList()));
        } else if (project.verbosity() > Verbosity.QUIET) {
            PrintWriter out = project.out();
            if (result.pruned().isEmpty()) {
                out.println("No records to prune on " + where + (result.refused().isEmpty()
                        ? ": every migration recorded in keel_migrations" + (app == null ? "" : " for " + app)
                        + " has its " + (migrationsFrom.fromClasses(project) ? "class." : "file.") : "."));
            } else {
                out.println((plan ? "Records --prune would remove from keel_migrations on " + where + " (--plan: none"
                        + " removed):" : "Pruning keel_migrations on " + where + ":"));
                for (PruneResult.Pruned p : result.pruned()) {
                    out.println("  " + (plan ? "" : "Pruned ") + p.key() + " (replaced by " + p.squash() + ", applied)");
                }
                if (!plan) {
                    out.println("Once every database is pruned, the squash" + (squashes(result) > 1 ? "es" : "")
                            + " may drop replaces(...).");
                }
            }
        }
        project.out().flush();
        if (!result.refused().isEmpty()) {
            throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, result.refused().stream()
                    .map(r -> "keel_migrations: kept the record of " + r.key() + ": " + r.reason()).toList());
        }
        return 0;
    }

    private static long squashes(PruneResult result) {
        return result.pruned().stream().map(PruneResult.Pruned::squash).distinct().count();
    }

    private static Report report(DatabaseMixin.Opened opened, Plan p, List<MigrateResult.Done> done, boolean planOnly) {
        return new Report(opened.describe(), opened.embedded, p.backwards(), p.fake(), planOnly, p.migrations(), done,
                p.deferred());
    }
}
