package dev.keel.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The escape hatch: a rule, a reason, and the lines it covers. */
class AllowCommentTest {
    @Test
    void readsRuleAndReason() {
        var found = AllowComment.find("""
                operations(
                    // keel:allow drop-column: never released
                    removeField("post", "x"),
                    addIndex("post", index("i", "a"))); //keel:allow index-without-concurrently
                """);
        assertEquals(List.of(new AllowComment(2, "drop-column", "never released"),
                new AllowComment(4, "index-without-concurrently", "")), found);
        assertTrue(found.get(0).hasReason());
        assertFalse(found.get(1).hasReason());
    }

    @Test
    void coversTheOperationsLinesAndTheLineAbove() {
        var allow = new AllowComment(10, "drop-column", "reason");
        assertTrue(allow.covers("drop-column", 11, 12), "the line above");
        assertTrue(allow.covers("drop-column", 9, 10), "the last line of a multi-line operation");
        assertFalse(allow.covers("drop-column", 12, 13), "two lines above is another operation's");
        assertFalse(allow.covers("drop-table", 11, 11), "another rule");
        assertFalse(new AllowComment(10, "drop-column", " ").covers("drop-column", 11, 11), "no reason, no allow");
    }
}
