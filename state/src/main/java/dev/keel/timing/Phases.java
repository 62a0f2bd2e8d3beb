package dev.keel.timing;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How long each phase of a command took, for {@code keel -v 3}: the command line installs a sink
 * ({@link #printTo}), and the library code it calls reports its phases ({@link #time}, {@link #report}).
 * Without a sink, a phase costs one volatile read. Phases may run on several threads at once (the entity
 * scan runs while the migrations are read); each is reported as it ends, with what it did.
 */
public final class Phases {
    private static volatile Consumer<String> sink;

    private Phases() {}

    /** Reports every phase to {@code lines} from now on (null: to nobody). */
    public static void printTo(Consumer<String> lines) {
        sink = lines;
    }

    /** Whether phases are reported (worth computing details for). */
    public static boolean enabled() {
        return sink != null;
    }

    /** Reports that {@code phase} took the time since {@code startNanos} ({@link System#nanoTime()}), with {@code detail}. */
    public static void report(String phase, long startNanos, String detail) {
        Consumer<String> s = sink;
        if (s != null) {
            long ms = (System.nanoTime() - startNanos) / 1_000_000;
            s.accept(phase + ": " + ms + " ms" + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        }
    }

    /** Runs {@code work} as {@code phase}. */
    public static <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            report(phase, start, null);
        }
    }
}
