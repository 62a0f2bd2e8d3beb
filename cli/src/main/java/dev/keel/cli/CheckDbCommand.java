package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.runner.DriftCheck;
import dev.keel.runner.Migrator;
import dev.keel.runner.catalog.CatalogProblems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel check-db}: what a live database holds against what its applied migrations say it holds. */
@Command(name = "check-db", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the live catalog of a database with the schema its applied migrations build (the"
                + " tables and sequences routed to it) and lists every difference: tables, columns and their types,"
                + " nullability and defaults, primary keys, foreign keys, unique and check constraints, indexes,"
                + " sequences and comments. Each line reads EXPECTED vs ACTUAL; 'missing' is in the migrations but"
                + " not in the database, 'unexpected' the other way round.",
                "It also lists what is half-done on the tables the migrations manage: invalid indexes (a CREATE INDEX"
                        + " CONCURRENTLY or REINDEX CONCURRENTLY that failed or was cancelled, declared by the migrations"
                        + " or a leftover), index builds running right now in another session, and foreign keys and"
                        + " checks left NOT VALID where the migrations validated them; each with what it means and the"
                        + " SQL that fixes it.",
                "Nothing is changed: the expected schema is built in scratch schemas inside a transaction that"
                        + " is rolled back. Exit code 0 when the database matches, 1 when it drifted or holds something"
                        + " half-done."})
final class CheckDbCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin MigrationsMixin migrationsFrom;
    @Mixin DatabaseMixin db;
    @Mixin JsonMixin json;

    /** What --json prints. */
    record Report(String database, String connection, int applied, boolean exact, boolean clean, List<String> differences,
                  List<CatalogProblems.Problem> problems) {}

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        var migrations = migrationsFrom.migrations(project);
        PrintWriter notes = project.notes(json.enabled());
        try (DatabaseMixin.Opened opened = db.open(config, project.projectDir(), notes);
             Migrator migrator = Migrator.connect(migrations, opened.database, db.settings(config),
                     dev.keel.runner.MigrateListener.silent(), DatabaseMixin.router(config), db.databaseName(config))) {
            DriftCheck.Report r = DriftCheck.check(migrator);
            if (json.enabled()) {
                JsonMixin.print(project.out(), new Report(r.database(), opened.describe(), r.applied(), r.exact(),
                        r.clean(), r.differences(), r.problems()));
            } else {
                print(r, opened.describe());
            }
            project.out().flush();
            return r.clean() ? 0 : 1;
        }
    }

    private void print(DriftCheck.Report r, String where) {
        PrintWriter out = project.out();
        String subject = "database " + r.database() + " at " + where + " (" + r.applied() + (r.applied() == 1 ? " migration" : " migrations") + " applied)";
        if (r.clean()) {
            out.println(project.ansi().string("@|green No drift:|@ ") + subject + " holds exactly what its migrations build.");
            return;
        }
        if (!r.differences().isEmpty()) {
            out.println(project.ansi().string("@|red Drift:|@ ") + subject + " differs from what its migrations build in "
                    + r.differences().size() + (r.differences().size() == 1 ? " place" : " places")
                    + " (expected vs actual):");
            r.differences().forEach(d -> out.println("  " + d));
            if (!r.exact()) {
                out.println("(expressions compared as written in the migrations, after normalisation: keel may not create"
                        + " the scratch schemas it builds the expected schema in; grant CREATE on the database to compare"
                        + " them as PostgreSQL prints them)");
            }
            out.println("To fix: put the database back with SQL, or write a migration that records the change"
                    + " (keel makemigrations, or separateDatabaseAndState for what was done by hand).");
        }
        if (!r.problems().isEmpty()) {
            if (!r.differences().isEmpty()) {
                out.println();
            }
            int n = r.problems().size();
            out.println(project.ansi().string("@|red Half-done:|@ ") + subject + " holds " + n
                    + (n == 1 ? " index or constraint" : " indexes or constraints") + " that are not what its migrations built:");
            for (CatalogProblems.Problem p : r.problems()) {
                out.println("  " + p.line());
                out.println("    To fix: " + String.join(" then ", p.fix()));
            }
        }
    }
}
