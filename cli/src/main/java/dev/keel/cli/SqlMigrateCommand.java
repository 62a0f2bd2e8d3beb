package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.runner.SqlMigrate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code keel sqlmigrate}: the SQL of one migration, without a database. */
@Command(name = "sqlmigrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the SQL that keel migrate runs for one migration, without connecting to a database:"
                + " the timeouts, BEGIN/COMMIT around an atomic migration, and each statement of a non-atomic one"
                + " numbered, in the form that is safe to run again."})
final class SqlMigrateCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;

    @Parameters(index = "0", paramLabel = "APP", description = "The app (a label from keel.json).")
    String app;

    @Parameters(index = "1", paramLabel = "NAME", description = "The migration: its name or a unique prefix (0002).")
    String name;

    @Option(names = "--backwards", description = "The SQL that unapplies it instead.")
    boolean backwards;

    @Option(names = "--database", paramLabel = "DATABASE",
            description = "With several databases in keel.json: the SQL keel runs on this one (default: default);"
                    + " the operations routed to other databases are listed as comments.")
    String database;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        config.requireApp(app);
        String db = database != null ? database
                : config.hasDatabase(KeelConfig.DEFAULT_DATABASE) ? KeelConfig.DEFAULT_DATABASE : null;
        if (db == null) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.USAGE, "keel.json names no database \""
                    + KeelConfig.DEFAULT_DATABASE + "\", so sqlmigrate needs --database NAME. Databases: "
                    + config.databaseNames() + "\nTo fix: add --database with one of those names.");
        }
        project.out().print(SqlMigrate.sql(DatabaseMixin.migrations(project),
                dev.keel.runner.RunnerSettings.of(config.requireDatabase(db)), app, name, backwards,
                DatabaseMixin.router(config), db));
        project.out().flush();
        return 0;
    }
}
