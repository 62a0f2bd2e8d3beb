package dev.keel.cli;

/** The levels of {@code keel -v N}. */
final class Verbosity {
    /** Errors and the command's results only: no progress, no notices. */
    static final int QUIET = 0;
    /** The default. */
    static final int NORMAL = 1;
    /** Also each SQL statement as it runs. */
    static final int SQL = 2;
    /** Also how long each phase took. */
    static final int TIMINGS = 3;

    private Verbosity() {}
}
