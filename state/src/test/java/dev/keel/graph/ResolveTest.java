package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.graph.Specs.key;
import static dev.keel.graph.Specs.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What users type as a migration target: a unique prefix, a full name, or zero. */
class ResolveTest {
    final MigrationGraph graph = MigrationGraph.of(List.of(
            m("blog.0001_initial"),
            m("blog.0002_add_slug", "blog.0001_initial"),
            m("blog.0002_add_slugs", "blog.0001_initial"),
            m("blog.0005_add_x", "blog.0002_add_slug", "blog.0002_add_slugs")));

    @Test
    void uniquePrefixResolves() {
        assertEquals(MigrationTarget.of(key("blog.0005_add_x")), graph.resolve("blog", "0005"));
        assertEquals(MigrationTarget.of(key("blog.0001_initial")), graph.resolve("blog", "0001_in"));
    }

    @Test
    void fullNameWinsOverBeingAPrefixOfAnother() {
        assertEquals(MigrationTarget.of(key("blog.0002_add_slug")), graph.resolve("blog", "0002_add_slug"));
    }

    @Test
    void zeroIsTheStateBeforeTheFirstMigration() {
        MigrationTarget zero = graph.resolve("blog", "zero");
        assertTrue(zero.isZero());
        assertEquals("blog", zero.app());
        assertEquals("blog.zero", zero.toString());
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        KeelException e = assertThrows(KeelException.class, () -> graph.resolve("blog", "0002"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("\"0002\" is ambiguous: it starts 2 migrations of blog: "
                + "0002_add_slug, 0002_add_slugs"), e.getMessage());
        assertTrue(e.getMessage().contains("To fix: type more of the name"), e.getMessage());
    }

    @Test
    void unknownPrefixListsTheAppsMigrations() {
        KeelException e = assertThrows(KeelException.class, () -> graph.resolve("blog", "0009"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("app blog has no migration named or starting with \"0009\""), e.getMessage());
        assertTrue(e.getMessage().contains("Migrations of blog: 0001_initial, 0002_add_slug, 0002_add_slugs, 0005_add_x"),
                e.getMessage());
        assertTrue(e.getMessage().contains("zero to unapply every migration of blog"), e.getMessage());
    }

    @Test
    void unknownAppSaysWhichAppsHaveMigrations() {
        KeelException e = assertThrows(KeelException.class, () -> graph.resolve("shop", "0001"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("app shop has no migrations"), e.getMessage());
        assertTrue(e.getMessage().contains("Apps with migrations: blog"), e.getMessage());
    }

    @Test
    void planForAnUnknownKeyIsAUsageError() {
        KeelException e = assertThrows(KeelException.class,
                () -> graph.forwardsPlan(java.util.Set.of(), List.of(key("blog.0003_nope"))));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("no migration blog.0003_nope."), e.getMessage());
    }

    @Test
    void longListingsShowTheNearestNamesAndCountTheRest() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            names.add(String.format("%04d_step", i));
        }
        String listing = Closest.listing("0025_stpe", names);
        assertTrue(listing.endsWith(" ... and 18 more"), listing);
        assertTrue(listing.contains("0025_step"), listing);
        assertEquals(12, listing.substring(0, listing.indexOf(" ...")).split(", ").length, listing);
    }
}
