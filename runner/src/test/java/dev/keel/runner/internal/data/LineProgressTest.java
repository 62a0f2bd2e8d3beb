package dev.keel.runner.internal.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain-text progress: a line per interval at most, with rows, share and this run's rate. */
class LineProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void printsALinePerIntervalWithRowsShareAndRate() {
        var clock = new AtomicLong();
        var lines = new ArrayList<String>();
        var p = new LineProgress("fill#1 on post", 10_000, 0, 5 * SECOND, clock::get, lines::add);
        clock.addAndGet(2 * SECOND);
        p.advanced(1000);
        assertEquals(List.of(), lines, "within the interval: quiet");
        clock.addAndGet(3 * SECOND);
        p.advanced(1500);
        assertEquals(List.of("fill#1 on post: 2500 of ~10000 rows (25%), 500 rows/s"), lines);
    }

    @Test
    void aResumedWalkCountsEarlierRowsInTheShareButNotInTheRate() {
        var clock = new AtomicLong();
        var lines = new ArrayList<String>();
        var p = new LineProgress("fill#1 on post", 4000, 2000, SECOND, clock::get, lines::add);
        clock.addAndGet(2 * SECOND);
        p.advanced(1000);
        assertEquals(List.of("fill#1 on post: 3000 of ~4000 rows (75%), 500 rows/s"), lines);
    }

    @Test
    void anEstimateBelowTheRowsDoneGrowsWithThem() {
        var clock = new AtomicLong();
        var lines = new ArrayList<String>();
        var p = new LineProgress("t", 100, 0, 0, clock::get, lines::add);
        clock.addAndGet(SECOND);
        p.advanced(150);
        assertEquals(List.of("t: 150 of ~150 rows (100%), 150 rows/s"), lines);
    }
}
