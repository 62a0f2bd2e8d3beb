package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.graph.Specs.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every graph error: kind GRAPH, where, what, and what to do. */
class MigrationGraphErrorTest {
    static final String BLOG = "src/main/java/com/acme/blog/migrations/";
    static final String SHOP = "src/main/java/com/acme/shop/migrations/";

    private static KeelException graphError(List<MigrationSpec> specs) {
        KeelException e = assertThrows(KeelException.class, () -> MigrationGraph.of(specs));
        assertEquals(ErrorKind.GRAPH, e.kind());
        assertEquals(4, e.kind().exitCode());
        return e;
    }

    @Test
    void cycleIsPrintedAsAPathWithTheFilesOfItsMembers() {
        KeelException e = graphError(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial", "shop.0001_initial"),
                m("shop.0001_initial", "blog.0002_add_slug"),
                m("shop.0002_add_price", "shop.0001_initial")));
        assertEquals(1, e.problems().size(), "a migration that only depends on the cycle is not a second cycle");
        String msg = e.problems().get(0);
        assertTrue(msg.startsWith(BLOG + "M0002_add_slug.java: dependency cycle: "
                + "blog.0002_add_slug → shop.0001_initial → blog.0002_add_slug"), msg);
        assertTrue(msg.contains("  blog.0002_add_slug  in " + BLOG + "M0002_add_slug.java"), msg);
        assertTrue(msg.contains("  shop.0001_initial   in " + SHOP + "M0001_initial.java"), msg);
        assertTrue(msg.contains("To fix: remove one of these dependencies"), msg);
    }

    @Test
    void selfDependencyIsACycle() {
        KeelException e = graphError(List.of(m("blog.0001_initial", "blog.0001_initial")));
        assertTrue(e.getMessage().contains("dependency cycle: blog.0001_initial → blog.0001_initial"), e.getMessage());
    }

    @Test
    void separateCyclesAreAllReported() {
        KeelException e = graphError(List.of(
                m("blog.0001_a", "blog.0002_b"), m("blog.0002_b", "blog.0001_a"),
                m("shop.0001_a", "shop.0002_b"), m("shop.0002_b", "shop.0001_a")));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).contains("blog.0001_a → blog.0002_b → blog.0001_a"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("shop.0001_a → shop.0002_b → shop.0001_a"), e.problems().get(1));
    }

    @Test
    void missingDependencyNamesTheFileTheKnownNamesAndTheClosestMatch() {
        KeelException e = graphError(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial"),
                m("blog.0003_add_tag", "blog.0002_add_slugg")));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(BLOG + "M0003_add_tag.java: migration blog.0003_add_tag depends on "
                + "blog.0002_add_slugg, which does not exist."), msg);
        assertTrue(msg.contains("Migrations of blog: 0001_initial, 0002_add_slug, 0003_add_tag"), msg);
        assertTrue(msg.contains("Closest match: 0002_add_slug"), msg);
        assertTrue(msg.contains("To fix: correct dependsOn(\"blog\", \"0002_add_slugg\")"), msg);
    }

    @Test
    void missingDependencyWithNothingCloseSuggestsNothing() {
        KeelException e = graphError(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial", "blog.0099_something_else_entirely")));
        assertFalse(e.getMessage().contains("Closest match"), e.getMessage());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void dependencyOnAnAppWithoutMigrationsSaysSo() {
        KeelException e = graphError(List.of(
                m("blog.0001_initial", "shop.0001_initial"),
                m("users.0001_initial")));
        String msg = e.getMessage();
        assertTrue(msg.contains("depends on shop.0001_initial, but app shop has no migrations."), msg);
        assertTrue(msg.contains("Apps with migrations: blog, users"), msg);
        assertTrue(msg.contains("add app shop to keel.json"), msg);
    }

    @Test
    void duplicateNameNamesBothOrigins() {
        MigrationSpec first = m("blog.0001_initial");
        MigrationSpec second = new MigrationSpec(first.key(), List.of(), List.of(), true, false, true, List.of(),
                "src/main/java/com/acme/blog/migrations/old/M0001_initial.java");
        KeelException e = graphError(List.of(first, second));
        String msg = e.getMessage();
        assertTrue(msg.contains("migration blog.0001_initial is defined twice"), msg);
        assertTrue(msg.contains("first in  " + BLOG + "M0001_initial.java"), msg);
        assertTrue(msg.contains("again in  " + BLOG + "old/M0001_initial.java"), msg);
        assertTrue(msg.contains("To fix:"), msg);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        KeelException e = graphError(List.of(
                m("blog.0001_initial"),
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_inital"),
                m("shop.0001_initial", "shop.0009_nope")));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void specWithoutOriginIsNamedByItsKey() {
        MigrationSpec spec = new MigrationSpec(Specs.key("blog.0001_initial"), List.of(Specs.key("blog.0000_x")),
                List.of(), true, false, true, List.of(), null);
        KeelException e = graphError(List.of(spec));
        assertTrue(e.getMessage().startsWith("blog.0001_initial: migration blog.0001_initial depends on"), e.getMessage());
    }
}
