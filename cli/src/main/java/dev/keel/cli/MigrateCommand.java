package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.Migrator;
import dev.keel.runner.Plan;
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
                        + " migrates every target (region, tenant) in parallel and ends with a summary per target."})
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

    @Option(names = "--plan", description = "Print what would run, and run nothing.")
    boolean plan;

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

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        if (app != null) {
            config.requireApp(app);
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
        var migrations = migrationsFrom.migrations(project);
        PrintWriter notes = json.enabled() ? project.err() : project.out();
        var printer = new MigratePrinter(notes, project.ansi());
        try (DatabaseMixin.Opened opened = db.open(config, project.projectDir(), notes);
             Migrator migrator = Migrator.connect(migrations, opened.database, db.settings(config),
                     json.enabled() ? printer.quiet() : printer, DatabaseMixin.router(config), db.databaseName(config))) {
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
                    printer.plan(p);
                }
                return 0;
            }
            if (!json.enabled()) {
                printer.header((fake ? "Faking migrations on " : "Migrating ") + opened.describe()
                        + (config.severalDatabases() ? " (database " + db.databaseName(config) + ")" : "") + ":");
            }
            MigrateResult result = migrator.migrate(request);
            if (json.enabled()) {
                JsonMixin.print(project.out(), report(opened, result.plan(), result.done(), false));
            } else {
                printer.summary(result);
            }
            return 0;
        }
    }

    private static Report report(DatabaseMixin.Opened opened, Plan p, List<MigrateResult.Done> done, boolean planOnly) {
        return new Report(opened.describe(), opened.embedded, p.backwards(), p.fake(), planOnly, p.migrations(), done,
                p.deferred());
    }
}
