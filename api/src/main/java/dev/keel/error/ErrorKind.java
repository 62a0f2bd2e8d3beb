package dev.keel.error;

/**
 * The kinds of failure keel reports. Each kind is mapped to an exit code only at the command line
 * ({@link #exitCode()}), so library code never exits.
 */
public enum ErrorKind {
    /** A bad command line or a bad {@code keel.json}. */
    USAGE(2),
    /** A migration or entity source that keel cannot read. */
    UNREADABLE_SOURCE(2),
    /** The generator needs a decision from the user (NOT NULL without default, ambiguous rename). */
    INPUT_NEEDED(3),
    /** An operation that cannot apply to the state it meets (unknown model, duplicate field...). */
    INVALID_OPERATION(4),
    /** A migration graph that is not a DAG, misses a dependency or names one migration twice. */
    GRAPH(4),
    /** History in the database that disagrees with the migration files. */
    INCONSISTENT_HISTORY(4),
    /** An operation asked to run backwards that has no reverse. */
    IRREVERSIBLE(4),
    /** The database refused a connection or a statement. */
    DATABASE(5),
    /** A feature that exists in the command set but is not built yet. */
    NOT_BUILT(2),
    /** A program keel runs for a task is not installed (Graphviz's dot for an SVG picture). */
    MISSING_PROGRAM(6);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses for this kind. */
    public int exitCode() {
        return exitCode;
    }
}
