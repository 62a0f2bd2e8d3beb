package dev.keel.runner.internal;

import java.util.Objects;

/**
 * A condition on a statement of a non-atomic migration, checked just before it runs so that a re-run
 * after a failure part-way does only what is left: the statement runs when {@code query} finds a row
 * ({@code runIfFound}) or when it finds none.
 */
public record Guard(String query, boolean runIfFound, String reason) {
    public Guard {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(reason, "reason");
    }

    /** Runs the statement only when {@code query} finds a row. */
    static Guard runIf(String query, String reason) {
        return new Guard(query, true, reason);
    }

    /** Skips the statement when {@code query} finds a row. */
    static Guard skipIf(String query, String reason) {
        return new Guard(query, false, reason);
    }

    /** Whether the statement runs, given whether the query found a row. */
    public boolean runs(boolean found) {
        return found == runIfFound;
    }

    /** The guard as an SQL comment. */
    public String comment() {
        return "-- " + (runIfFound ? "only if" : "skipped if") + " " + reason + ":\n--   " + query;
    }

    /**
     * {@code statement} under this guard as {@code sqlmigrate} prints it, so that pasting the output into
     * psql does exactly what keel does: a query that returns the statement only when the guard lets it run,
     * and psql's {@code \gexec}, which runs what the query returns (nothing when it returns no row). A
     * statement printed bare would run unconditionally: a cleanup such as dropping an invalid index would
     * drop a valid one.
     */
    public String psql(String statement) {
        String literal = "'" + statement.replace("'", "''") + "'";
        return "-- " + (runIfFound ? "only if" : "skipped if") + " " + reason + " (psql's \\gexec runs it only then):\n"
                + "SELECT " + literal + " WHERE " + (runIfFound ? "" : "NOT ") + "EXISTS (" + query + ") \\gexec";
    }
}
