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

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        config.requireApp(app);
        project.out().print(SqlMigrate.sql(DatabaseMixin.migrations(project), DatabaseMixin.settings(config), app, name,
                backwards));
        project.out().flush();
        return 0;
    }
}
