package dev.keel.migration;

import java.time.Duration;

/**
 * What a {@link Backfill} did in this run: rows walked and changed, batches, the longest batch (the
 * longest any row lock was held), the time it took, and whether it resumed an earlier run.
 *
 * @param rows     rows walked in this run (each batch's rows)
 * @param changed  rows written in this run ({@code update}: rows that met the condition; {@code forEach}: 0, unknown)
 * @param batches  batches run in this run
 * @param longest  the longest batch
 * @param took     the whole walk, pauses included
 * @param resumed  whether an earlier run had done batches that this one skipped
 */
public record BackfillResult(long rows, long changed, int batches, Duration longest, Duration took, boolean resumed) {
    public BackfillResult {
        if (rows < 0 || changed < 0 || batches < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        java.util.Objects.requireNonNull(longest, "longest");
        java.util.Objects.requireNonNull(took, "took");
    }

    /** Rows walked per second of the whole walk (0 when nothing was walked). */
    public double rowsPerSecond() {
        double seconds = took.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
