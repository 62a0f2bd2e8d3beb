package dev.keel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long each phase of a command took, on standard error at {@code -v 3}: {@code time: plan: 12 ms}.
 * Standard error, so that the results on standard output (JSON, SQL) stay as they are.
 */
final class Timings {
    private final PrintWriter err;

    private Timings(PrintWriter err) {
        this.err = err;
    }

    /** Timings printed on {@code err} at verbosity 3; none below. */
    static Timings of(int verbosity, PrintWriter err) {
        return new Timings(verbosity >= Verbosity.TIMINGS ? err : null);
    }

    /** Whether timings are printed. */
    boolean enabled() {
        return err != null;
    }

    /** Prints each phase the library reports ({@link dev.keel.timing.Phases}) like this command's own: {@code time: scan: 80 ms (...)}. */
    void printLibraryPhases() {
        if (err != null) {
            dev.keel.timing.Phases.printTo(line -> {
                synchronized (err) {
                    err.println("time: " + line);
                    err.flush();
                }
            });
        }
    }

    /** Prints that {@code phase} took {@code took}. */
    void report(String phase, Duration took) {
        if (err != null) {
            err.println("time: " + phase + ": " + took.toMillis() + " ms");
            err.flush();
        }
    }

    /** Runs {@code work} as the phase {@code phase}. */
    <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            report(phase, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
