package dev.keel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel makemigrations}: not built yet. */
@Command(name = "makemigrations", mixinStandardHelpOptions = true,
        description = "Compares the entities with the schema the migrations build, and writes the next migration"
                + " of each app that changed, in its zero-downtime form"
                + " (not built yet, issue " + NotBuilt.MAKEMIGRATIONS + ").")
final class MakeMigrationsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Unmatched List<String> arguments;

    @Override
    public Integer call() {
        return NotBuilt.report(spec, NotBuilt.MAKEMIGRATIONS);
    }
}
