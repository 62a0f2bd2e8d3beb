package dev.keel.runner.internal.data;

/** Shows how far a backfill is: a bar on a terminal ({@link BarProgress}), plain lines elsewhere ({@link LineProgress}). */
public interface ProgressDisplay extends AutoCloseable {
    /** A batch of {@code rows} rows is done and committed. */
    void advanced(long rows);

    /** The walk ended (done or failed); the display says its last word. */
    @Override
    void close();
}
