package dev.keel.graph;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.keel.graph.Specs.key;
import static dev.keel.graph.Specs.keyNames;
import static dev.keel.graph.Specs.m;
import static dev.keel.graph.Specs.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape of the graph: nodes, edges, roots, leaves, conflicts, order. */
class MigrationGraphTest {
    static final List<MigrationSpec> LINEAR = List.of(
            m("blog.0001_initial"),
            m("blog.0002_add_slug", "blog.0001_initial"),
            m("blog.0003_add_tag", "blog.0002_add_slug"));

    @Test
    void linearHistoryHasOneRootAndOneLeaf() {
        MigrationGraph g = MigrationGraph.of(LINEAR);
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_slug", "blog.0003_add_tag"), names(g.migrations("blog")));
        assertEquals(List.of("blog.0001_initial"), keyNames(g.roots("blog")));
        assertEquals(List.of("blog.0003_add_tag"), keyNames(g.leaves("blog")));
        assertTrue(g.conflicts().isEmpty());
        assertEquals(List.of("blog.0001_initial"), keyNames(List.copyOf(g.dependencies(key("blog.0002_add_slug")))));
        assertEquals(List.of("blog.0003_add_tag"), keyNames(List.copyOf(g.dependents(key("blog.0002_add_slug")))));
        assertEquals(3, g.size());
        assertEquals(List.of("blog"), List.copyOf(g.apps()));
    }

    @Test
    void branchingHistoryHasTwoLeavesAndIsAConflictUntilMerged() {
        List<MigrationSpec> specs = new ArrayList<>(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial"),
                m("blog.0002_add_tag", "blog.0001_initial")));
        MigrationGraph g = MigrationGraph.of(specs);
        assertEquals(List.of("blog.0002_add_slug", "blog.0002_add_tag"), keyNames(g.leaves("blog")));
        assertEquals(Map.of("blog", List.of(key("blog.0002_add_slug"), key("blog.0002_add_tag"))), g.conflicts());

        specs.add(m("blog.0003_merge", "blog.0002_add_slug", "blog.0002_add_tag"));
        MigrationGraph merged = MigrationGraph.of(specs);
        assertEquals(List.of("blog.0003_merge"), keyNames(merged.leaves("blog")));
        assertTrue(merged.conflicts().isEmpty());
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_slug", "blog.0002_add_tag", "blog.0003_merge"),
                names(merged.migrations()));
    }

    @Test
    void crossAppDependencyDoesNotMakeARootOrLeafOfAnotherApp() {
        MigrationGraph g = MigrationGraph.of(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial"),
                m("shop.0001_initial", "blog.0002_add_slug"),
                m("shop.0002_add_price", "shop.0001_initial")));
        assertEquals(List.of("shop.0001_initial"), keyNames(g.roots("shop")));
        assertEquals(List.of("blog.0002_add_slug"), keyNames(g.leaves("blog")));
        assertEquals(List.of("blog.0002_add_slug", "shop.0002_add_price"), keyNames(g.leaves()));
        assertEquals(List.of("shop.0001_initial"), keyNames(List.copyOf(g.dependents(key("blog.0002_add_slug")))));
        assertTrue(g.roots("nothing").isEmpty());
        assertTrue(g.migrations("nothing").isEmpty());
    }

    @Test
    void dependenciesComeFirstEvenAgainstKeyOrder() {
        MigrationGraph g = MigrationGraph.of(List.of(
                m("accounts.0001_initial", "zoo.0001_initial"),
                m("zoo.0001_initial")));
        assertEquals(List.of("zoo.0001_initial", "accounts.0001_initial"), names(g.migrations()));
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
        List<MigrationSpec> specs = new ArrayList<>(List.of(
                m("blog.0001_initial"),
                m("blog.0002_add_slug", "blog.0001_initial"),
                m("blog.0002_add_tag", "blog.0001_initial"),
                m("shop.0001_initial", "blog.0002_add_tag"),
                m("users.0001_initial")));
        List<String> expected = names(MigrationGraph.of(specs).migrations());
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_slug", "blog.0002_add_tag", "shop.0001_initial",
                "users.0001_initial"), expected);
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(specs, random);
            assertEquals(expected, names(MigrationGraph.of(specs).migrations()));
        }
    }

    @Test
    void longChainsNeedNoDeepRecursion() {
        List<MigrationSpec> specs = new ArrayList<>();
        specs.add(m("big.0001_initial"));
        for (int i = 2; i <= 20_000; i++) {
            specs.add(m(String.format("big.%05d_step", i),
                    i == 2 ? "big.0001_initial" : String.format("big.%05d_step", i - 1)));
        }
        MigrationGraph g = MigrationGraph.of(specs);
        assertEquals(20_000, g.forwardsPlan(Specs.keys(), List.of()).size());
        Set<MigrationKey> all = specs.stream().map(MigrationSpec::key).collect(Collectors.toSet());
        assertEquals(19_999, g.backwardsPlan(all, MigrationTarget.of(key("big.0001_initial"))).size());
        assertFalse(g.contains(key("big.0001_missing")));
    }
}
