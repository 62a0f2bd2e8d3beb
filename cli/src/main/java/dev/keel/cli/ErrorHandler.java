package dev.keel.cli;

import dev.keel.error.KeelException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Prints a failure as {@code error: <message>}, one per problem, without a stack trace, and returns
 * the exit code of its kind. Anything else is a bug in keel: it gets the stack trace and exit code 70.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    /** The exit code of an unexpected failure (a bug in keel), as sysexits' EX_SOFTWARE. */
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String error = commandLine.getColorScheme().ansi().string("@|bold,red error:|@");
        if (ex instanceof KeelException ke) {
            for (int i = 0; i < ke.problems().size(); i++) {
                err.println((i == 0 ? "" : "\n") + error + " " + ke.problems().get(i));
            }
            err.flush();
            return ke.kind().exitCode();
        }
        err.println(error + " keel failed unexpectedly, which is a bug in keel: " + ex);
        ex.printStackTrace(err);
        err.println("To fix: report it with the command you ran and the stack trace above.");
        err.flush();
        return INTERNAL_ERROR;
    }
}
