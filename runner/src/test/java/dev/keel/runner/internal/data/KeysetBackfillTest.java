package dev.keel.runner.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The counts a backfill's summary line prints read as English: "1 row in 1 batch", "2 rows in 3 batches". */
class KeysetBackfillTest {

    @Test
    void countsAreSingularForOneAndPluralOtherwise() {
        assertEquals("1 row", KeysetBackfill.counted(1, "row"));
        assertEquals("0 rows", KeysetBackfill.counted(0, "row"));
        assertEquals("2500 rows", KeysetBackfill.counted(2500, "row"));
        assertEquals("1 batch", KeysetBackfill.counted(1, "batch"));
        assertEquals("3 batches", KeysetBackfill.counted(3, "batch"));
    }
}
