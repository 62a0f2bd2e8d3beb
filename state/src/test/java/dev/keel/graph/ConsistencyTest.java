package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.graph.Specs.keys;
import static dev.keel.graph.Specs.m;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An applied migration whose dependency is not applied is an inconsistent history. */
class ConsistencyTest {
    final MigrationGraph graph = MigrationGraph.of(List.of(
            m("blog.0001_initial"),
            m("blog.0002_add_slug", "blog.0001_initial"),
            m("shop.0001_initial", "blog.0002_add_slug")));

    @Test
    void appliedPrefixOfHistoryIsConsistent() {
        assertDoesNotThrow(() -> graph.checkConsistent(keys("blog.0001_initial", "blog.0002_add_slug")));
    }

    @Test
    void everyGapIsReported() {
        KeelException e = assertThrows(KeelException.class,
                () -> graph.checkConsistent(keys("blog.0002_add_slug", "shop.0001_initial")));
        assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("migration blog.0002_add_slug is applied, but its dependency "
                + "blog.0001_initial is not."), e.getMessage());

        KeelException two = assertThrows(KeelException.class,
                () -> graph.checkConsistent(keys("blog.0002_add_slug", "shop.0001_initial", "blog.0001_initial")
                        .stream().filter(k -> !k.name().equals("0002_add_slug")).collect(java.util.stream.Collectors.toSet())));
        assertTrue(two.getMessage().contains("shop.0001_initial is applied, but its dependency blog.0002_add_slug"),
                two.getMessage());
    }
}
