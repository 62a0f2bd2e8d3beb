package dev.keel.cli;

import dev.keel.error.ErrorKind;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/** A bad command line: what is wrong, close suggestions, where to read the usage; exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().ansi().string("@|bold,red error:|@") + " " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("To fix: see " + cmd.getCommandSpec().qualifiedName() + " --help.");
        err.flush();
        return ErrorKind.USAGE.exitCode();
    }
}
