package dev.keel.cli;

import dev.keel.error.ErrorKind;
import picocli.CommandLine.Model.CommandSpec;

/** The commands that exist in the command set but are not built yet, and the issue that builds each. */
final class NotBuilt {
    static final int MAKEMIGRATIONS = 4;
    static final int MIGRATE = 6;
    static final int SQLMIGRATE = 6;

    private NotBuilt() {}

    /** Says plainly on stderr that {@code command} is not built yet, and returns the exit code for it. */
    static int report(CommandSpec command, int issue) {
        command.commandLine().getErr().println("keel " + command.name() + " is not built yet (issue " + issue + ")");
        return ErrorKind.NOT_BUILT.exitCode();
    }
}
