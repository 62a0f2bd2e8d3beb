package dev.keel.bench.load;

import java.util.Arrays;

/** The writes of one time window: how many, how many failed, the longest, the 99th percentile. */
record WriteStats(int writes, int failed, long maxNanos, long p99Nanos, long p50Nanos) {

    /** The writes that overlap [fromNanos, toNanos] (times since the run began). */
    static WriteStats overlapping(WriteLoad.Writes all, long fromNanos, long toNanos) {
        return overlapping(all, fromNanos, toNanos, null);
    }

    /** The writes of the new code ({@code byNewCode} true), of the old code (false) or of both (null) that overlap [fromNanos, toNanos]. */
    static WriteStats overlapping(WriteLoad.Writes all, long fromNanos, long toNanos, Boolean byNewCode) {
        long[] durations = new long[all.size()];
        int n = 0;
        int failed = 0;
        for (int i = 0; i < all.size(); i++) {
            long start = all.starts()[i];
            long end = start + all.durations()[i];
            if (start <= toNanos && end >= fromNanos && (byNewCode == null || all.byNewCode()[i] == byNewCode)) {
                durations[n++] = all.durations()[i];
                if (all.failed()[i]) {
                    failed++;
                }
            }
        }
        if (n == 0) {
            return new WriteStats(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(durations, n);
        Arrays.sort(sorted);
        return new WriteStats(n, failed, sorted[n - 1], percentile(sorted, 0.99), percentile(sorted, 0.50));
    }

    private static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format("%.0f ms", ms) : String.format("%.1f ms", ms);
    }
}
