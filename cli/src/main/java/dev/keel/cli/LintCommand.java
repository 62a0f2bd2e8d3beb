package dev.keel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel lint}: not built yet. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Checks hand-written migrations against the same safety rules the generator follows"
                + " (not built yet, issue " + NotBuilt.LINT + ").")
final class LintCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Unmatched List<String> arguments;

    @Override
    public Integer call() {
        return NotBuilt.report(spec, NotBuilt.LINT);
    }
}
