package dev.keel.runner.internal.data;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Backfill progress as plain lines, for output that is not a terminal (CI logs, files): a line at
 * most every {@code interval}, each with the rows done, the share of the estimated total and the rate
 * of this run: {@code fillSlugs#1: 250000 of ~1000000 rows (25%), 48210 rows/s}.
 */
public final class LineProgress implements ProgressDisplay {
    private final String task;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Consumer<String> out;
    private final long start;
    private final long doneBefore;
    private long done;
    private long lastLine;

    /**
     * @param task       what walks: {@code fillSlugs#1 on post}
     * @param total      the estimated rows of the table, or a negative number when unknown
     * @param doneBefore rows an earlier run already walked
     * @param interval   nanoseconds between two lines
     * @param clock      {@link System#nanoTime}, or a fake in tests
     * @param out        where lines go
     */
    public LineProgress(String task, long total, long doneBefore, long interval, LongSupplier clock, Consumer<String> out) {
        this.task = task;
        this.total = total;
        this.doneBefore = doneBefore;
        this.done = doneBefore;
        this.intervalNanos = interval;
        this.clock = clock;
        this.out = out;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public void advanced(long rows) {
        done += rows;
        long now = clock.getAsLong();
        if (now - lastLine >= intervalNanos) {
            lastLine = now;
            out.accept(line(now));
        }
    }

    @Override
    public void close() {
        // the walk's own summary line follows; nothing more to say
    }

    String line(long now) {
        StringBuilder sb = new StringBuilder(task).append(": ").append(done);
        long estimate = Math.max(total, done);
        if (total >= 0) {
            sb.append(" of ~").append(estimate).append(" rows (")
                    .append(estimate == 0 ? 100 : done * 100 / estimate).append("%)");
        } else {
            sb.append(" rows");
        }
        double seconds = (now - start) / 1e9;
        if (seconds > 0) {
            sb.append(", ").append(Math.round((done - doneBefore) / seconds)).append(" rows/s");
        }
        return sb.toString();
    }
}
