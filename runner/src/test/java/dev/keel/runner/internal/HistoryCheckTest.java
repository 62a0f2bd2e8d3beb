package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What keel says of a recorded migration whose file is gone, by how far the record says it got. */
class HistoryCheckTest {
    private static HistoryRow gone(HistoryRow.Phase phase, int steps) {
        return new HistoryRow(new MigrationKey("blog", "0009_gone"), "abc", Instant.parse("2024-05-01T10:00:00Z"), 5, phase, steps);
    }

    private static String problem(HistoryRow row) {
        List<String> problems = HistoryCheck.problems(PlannerTest.SET, PlannerTest.rows(row));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void anAppliedMigrationWithoutItsFileIsRestoredOrItsRecordDeleted() {
        String p = problem(gone(HistoryRow.Phase.APPLIED, 0));
        assertTrue(p.startsWith("keel_migrations: migration blog.0009_gone is recorded as applied (on "), p);
        assertTrue(p.contains("DELETE FROM keel_migrations WHERE app = 'blog' AND name = '0009_gone';"), p);
    }

    /** A failed first step of a non-atomic migration leaves its record at 0 steps: nothing of it is applied. */
    @Test
    void aStoppedMigrationWithNoStepDoneIsNotCalledApplied() {
        String p = problem(gone(HistoryRow.Phase.APPLYING, 0));
        assertFalse(p.contains("recorded as applied"), p);
        assertTrue(p.contains("was being applied when a run stopped (it failed or was killed; started on "), p);
        assertTrue(p.contains("0 of its steps done"), p);
        assertTrue(p.contains("To fix: nothing of it is applied, so if it was removed on purpose, delete its record: DELETE FROM"
                + " keel_migrations WHERE app = 'blog' AND name = '0009_gone';"), p);
    }

    /** Steps done must be undone from the file before it goes: the record alone cannot be deleted. */
    @Test
    void aStoppedMigrationWithStepsDoneIsRestoredToFinishOrUndoIt() {
        String p = problem(gone(HistoryRow.Phase.APPLYING, 2));
        assertTrue(p.contains("2 of its steps done"), p);
        assertFalse(p.contains("DELETE FROM"), p);
        assertTrue(p.contains("then either run keel migrate again to finish it, or undo its steps with keel migrate blog"), p);
    }
}
