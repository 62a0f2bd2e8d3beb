package dev.keel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel migrate}: not built yet. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the migrations to PostgreSQL, or unapplies them back to a target"
                + " (not built yet, issue " + NotBuilt.MIGRATE + ").")
final class MigrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Unmatched List<String> arguments;

    @Override
    public Integer call() {
        return NotBuilt.report(spec, NotBuilt.MIGRATE);
    }
}
