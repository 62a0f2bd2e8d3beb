package dev.keel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel sqlmigrate}: not built yet. */
@Command(name = "sqlmigrate", mixinStandardHelpOptions = true,
        description = "Prints the SQL of one migration, without connecting to a database"
                + " (not built yet, issue " + NotBuilt.SQLMIGRATE + ").")
final class SqlMigrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Unmatched List<String> arguments;

    @Override
    public Integer call() {
        return NotBuilt.report(spec, NotBuilt.SQLMIGRATE);
    }
}
