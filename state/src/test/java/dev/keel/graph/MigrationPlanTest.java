package dev.keel.graph;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.keel.graph.Specs.key;
import static dev.keel.graph.Specs.keys;
import static dev.keel.graph.Specs.m;
import static dev.keel.graph.Specs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forwards and backwards plans, with Django's semantics for targets and zero. */
class MigrationPlanTest {
    /** blog: 0001 - 0002 - 0003; shop depends on blog.0002; users stands alone. */
    static final List<MigrationSpec> PROJECT = List.of(
            m("blog.0001_initial"),
            m("blog.0002_add_slug", "blog.0001_initial"),
            m("blog.0003_add_tag", "blog.0002_add_slug"),
            m("shop.0001_initial", "blog.0002_add_slug"),
            m("shop.0002_add_price", "shop.0001_initial"),
            m("users.0001_initial"));
    static final Set<MigrationKey> ALL = keys("blog.0001_initial", "blog.0002_add_slug",
            "blog.0003_add_tag", "shop.0001_initial", "shop.0002_add_price", "users.0001_initial");

    final MigrationGraph graph = MigrationGraph.of(PROJECT);

    @Test
    void forwardsWithoutTargetsAppliesEverythingDependenciesFirstTiesByKey() {
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_slug", "blog.0003_add_tag", "shop.0001_initial",
                "shop.0002_add_price", "users.0001_initial"), names(graph.forwardsPlan(Set.of(), List.of())));
    }

    @Test
    void forwardsToATargetTakesOnlyItsAncestorsAcrossApps() {
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_slug", "shop.0001_initial"),
                names(graph.forwardsPlan(Set.of(), List.of(key("shop.0001_initial")))));
    }

    @Test
    void forwardsSkipsWhatIsApplied() {
        assertEquals(List.of("blog.0003_add_tag", "shop.0001_initial", "shop.0002_add_price", "users.0001_initial"),
                names(graph.forwardsPlan(keys("blog.0001_initial", "blog.0002_add_slug"), List.of())));
        assertTrue(graph.forwardsPlan(ALL, List.of()).isEmpty());
    }

    @Test
    void backwardsToATargetUnappliesLaterMigrationsOfTheAppAndTheirDependentsLatestFirst() {
        assertEquals(List.of("shop.0002_add_price", "shop.0001_initial", "blog.0003_add_tag", "blog.0002_add_slug"),
                names(graph.backwardsPlan(ALL, MigrationTarget.of(key("blog.0001_initial")))));
    }

    @Test
    void backwardsLeavesAloneWhatIsNotApplied() {
        Set<MigrationKey> applied = keys("blog.0001_initial", "blog.0002_add_slug",
                "shop.0001_initial", "users.0001_initial");
        assertEquals(List.of("shop.0001_initial", "blog.0002_add_slug"),
                names(graph.backwardsPlan(applied, MigrationTarget.of(key("blog.0001_initial")))));
    }

    @Test
    void backwardsToTheLeafIsNothing() {
        assertTrue(graph.backwardsPlan(ALL, MigrationTarget.of(key("blog.0003_add_tag"))).isEmpty());
    }

    @Test
    void backwardsToZeroUnappliesTheWholeAppAndItsDependentsInOtherApps() {
        assertEquals(List.of("shop.0002_add_price", "shop.0001_initial", "blog.0003_add_tag", "blog.0002_add_slug",
                "blog.0001_initial"), names(graph.backwardsPlan(ALL, MigrationTarget.zero("blog"))));
        assertEquals(List.of("shop.0002_add_price", "shop.0001_initial"),
                names(graph.backwardsPlan(ALL, MigrationTarget.zero("shop"))));
    }

    @Test
    void backwardsInAnotherAppKeepsItsOwnAncestors() {
        assertEquals(List.of("shop.0002_add_price"),
                names(graph.backwardsPlan(ALL, MigrationTarget.of(key("shop.0001_initial")))));
    }

    @Test
    void planPicksTheDirectionFromWhatIsApplied() {
        MigrationPlan forwards = graph.plan(keys("blog.0001_initial"), MigrationTarget.of(key("shop.0001_initial")));
        assertEquals(MigrationPlan.Direction.FORWARDS, forwards.direction());
        assertEquals(List.of("blog.0002_add_slug", "shop.0001_initial"), names(forwards.migrations()));

        MigrationPlan backwards = graph.plan(ALL, MigrationTarget.of(key("shop.0001_initial")));
        assertTrue(backwards.backwards());
        assertEquals(List.of("shop.0002_add_price"), names(backwards.migrations()));

        MigrationPlan zero = graph.plan(keys("users.0001_initial"), MigrationTarget.zero("users"));
        assertTrue(zero.backwards());
        assertEquals(List.of("users.0001_initial"), names(zero.migrations()));

        assertTrue(graph.plan(ALL, MigrationTarget.of(key("blog.0003_add_tag"))).isEmpty());
    }

    @Test
    void branchesOfOneAppAreUnappliedTogetherWhenGoingBackBeforeTheirFork() {
        MigrationGraph g = MigrationGraph.of(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial"),
                m("blog.0002_add_tag", "blog.0001_initial"),
                m("blog.0003_merge", "blog.0002_add_slug", "blog.0002_add_tag")));
        Set<MigrationKey> applied = keys("blog.0001_initial", "blog.0002_add_slug",
                "blog.0002_add_tag", "blog.0003_merge");
        assertEquals(List.of("blog.0003_merge", "blog.0002_add_tag", "blog.0002_add_slug"),
                names(g.backwardsPlan(applied, MigrationTarget.of(key("blog.0001_initial")))));
        // Like Django: back to one branch's tip unapplies what follows it, not the other branch.
        assertEquals(List.of("blog.0003_merge"),
                names(g.backwardsPlan(applied, MigrationTarget.of(key("blog.0002_add_slug")))));
    }
}
