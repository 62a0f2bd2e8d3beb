package dev.keel.spring.boot;

import dev.keel.error.KeelException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When keel stops the application's start, Spring Boot's report ("APPLICATION FAILED TO START") says keel's own
 * words: what is wrong with the migrations or the database's history, and what to do.
 */
public class KeelFailureAnalyzer extends AbstractFailureAnalyzer<KeelException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeelException cause) {
        String description = "keel did not migrate the database (" + cause.kind() + ", keel's exit code "
                + cause.kind().exitCode() + "):\n\n" + cause.getMessage();
        return new FailureAnalysis(description, action(cause), cause);
    }

    private static String action(KeelException cause) {
        return switch (cause.kind()) {
            case INCONSISTENT_HISTORY, GRAPH -> "Make the migrations the application ships agree with the database's"
                    + " history (keel_migrations) as keel says above; keel showmigrations lists the history. Nothing was"
                    + " applied.";
            case DATABASE -> "Fix the database problem keel names above; keel's message says what stays applied.";
            default -> "Fix what keel names above (the keel.* properties, or the migrations the application ships).";
        };
    }
}
