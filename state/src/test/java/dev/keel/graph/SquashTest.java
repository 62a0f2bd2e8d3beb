package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.keel.graph.Specs.key;
import static dev.keel.graph.Specs.keys;
import static dev.keel.graph.Specs.m;
import static dev.keel.graph.Specs.names;
import static dev.keel.graph.Specs.squash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Squashes ({@code replaces}) follow Django: used unless the replaced migrations are partly applied. */
class SquashTest {
    static final List<MigrationSpec> SPECS = List.of(
            m("blog.0001_initial"),
            m("blog.0002_add_slug", "blog.0001_initial"),
            squash("blog.0001_squashed_0002", List.of(), "blog.0001_initial", "blog.0002_add_slug"),
            m("blog.0003_add_tag", "blog.0002_add_slug"),
            m("shop.0001_initial", "blog.0001_initial"));

    @Test
    void nothingAppliedUsesTheSquashAndLeadsOldNamesToIt() {
        MigrationGraph g = MigrationGraph.of(SPECS);
        assertFalse(g.contains(key("blog.0001_initial")));
        assertEquals(List.of("blog.0001_squashed_0002", "blog.0003_add_tag", "shop.0001_initial"),
                names(g.forwardsPlan(Set.of(), List.of())));
        assertEquals(List.of("blog.0001_squashed_0002"), Specs.keyNames(g.roots("blog")));
        assertEquals(MigrationTarget.of(key("blog.0001_squashed_0002")), g.resolve("blog", "0002_add_slug"));
    }

    @Test
    void allReplacedAppliedCountsTheSquashAsApplied() {
        MigrationGraph g = MigrationGraph.of(SPECS, keys("blog.0001_initial", "blog.0002_add_slug"));
        assertEquals(keys("blog.0001_squashed_0002"), g.appliedNodes(keys("blog.0001_initial", "blog.0002_add_slug")));
        assertEquals(List.of("blog.0003_add_tag", "shop.0001_initial"),
                names(g.forwardsPlan(keys("blog.0001_initial", "blog.0002_add_slug"), List.of())));
    }

    @Test
    void partlyAppliedUsesTheReplacedMigrations() {
        Set<dev.keel.migration.MigrationKey> applied = keys("blog.0001_initial");
        MigrationGraph g = MigrationGraph.of(SPECS, applied);
        assertFalse(g.contains(key("blog.0001_squashed_0002")));
        assertEquals(List.of("blog.0002_add_slug", "blog.0003_add_tag", "shop.0001_initial"),
                names(g.forwardsPlan(applied, List.of())));
    }

    @Test
    void partlyAppliedWithTheReplacedFilesGoneIsAGraphError() {
        List<MigrationSpec> onlySquash = List.of(
                squash("blog.0001_squashed_0002", List.of(), "blog.0001_initial", "blog.0002_add_slug"),
                m("blog.0003_add_tag", "blog.0002_add_slug"));
        KeelException e = assertThrows(KeelException.class,
                () -> MigrationGraph.of(onlySquash, keys("blog.0001_initial")));
        assertEquals(ErrorKind.GRAPH, e.kind());
        assertTrue(e.problems().get(0).contains("replaces migrations that are partly applied (applied: "
                + "blog.0001_initial; not applied: blog.0002_add_slug)"), e.getMessage());
        assertTrue(e.problems().get(0).contains("no longer present: blog.0001_initial, blog.0002_add_slug"),
                e.getMessage());
    }
}
