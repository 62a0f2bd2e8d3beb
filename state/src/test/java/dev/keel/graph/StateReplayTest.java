package dev.keel.graph;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.keel.graph.Specs.key;
import static dev.keel.graph.Specs.keys;
import static dev.keel.graph.Specs.m;
import static dev.keel.migration.Operations.addField;
import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.foreignKey;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Historical states: operations replayed in plan order, each with its migration's app. */
class StateReplayTest {
    static final List<MigrationSpec> PROJECT = List.of(
            m("shop.0001_initial", List.of("blog.0001_initial"),
                    createModel("order", table("shop_order").entity("Order")
                            .field("id", column("id", "bigint"))
                            .field("post", column("post_id", "bigint").nullable())
                            .primaryKey("id")
                            .constraint(foreignKey("fk_order_post", "post_id").references("post", "id")))),
            m("blog.0002_add_slug", List.of("blog.0001_initial"),
                    addField("post", "slug", column("slug", "varchar(200)").nullable())),
            m("blog.0001_initial", List.of(),
                    createModel("post", table("post").entity("Post").field("id", column("id", "bigint")).primaryKey("id"))));

    final MigrationGraph graph = MigrationGraph.of(PROJECT);

    @Test
    void stateAtAMigrationHasItAndItsAncestorsOnly() {
        ProjectState first = graph.stateAt(List.of(key("blog.0001_initial")));
        assertTrue(first.table("blog", "post").orElseThrow().findField("slug").isEmpty());
        assertTrue(first.table("shop", "order").isEmpty());

        ProjectState second = graph.stateAt(List.of(key("blog.0002_add_slug")));
        assertTrue(second.table("blog", "post").orElseThrow().findField("slug").isPresent());
    }

    @Test
    void crossAppStateAppliesTheOtherAppFirstAndKeepsEachTableInItsApp() {
        ProjectState s = graph.stateAt(List.of(key("shop.0001_initial")));
        assertEquals("shop_order", s.table("shop", "order").orElseThrow().name());
        assertEquals("post", s.table("blog", "post").orElseThrow().name());
    }

    @Test
    void latestStateIsEveryMigration() {
        assertEquals(graph.stateAt(List.of(key("blog.0002_add_slug"), key("shop.0001_initial"))), graph.latestState());
        assertEquals(graph.latestState(), MigrationGraph.replay(ProjectState.EMPTY, graph.forwardsPlan(Set.of(), List.of())));
    }

    @Test
    void noMigrationsIsTheEmptyState() {
        assertSame(ProjectState.EMPTY, graph.stateAt(List.of()));
    }

    @Test
    void replayContinuesFromAGivenState() {
        ProjectState first = graph.stateAt(List.of(key("blog.0001_initial")));
        List<MigrationSpec> rest = graph.forwardsPlan(keys("blog.0001_initial"), List.of());
        assertEquals(graph.latestState(), MigrationGraph.replay(first, rest));
    }

    @Test
    void aFailingOperationNamesItsMigrationFileAndPosition() {
        MigrationGraph broken = MigrationGraph.of(List.of(
                m("blog.0001_initial", List.of(), addField("post", "slug", column("slug", "text")))));
        KeelException e = assertThrows(KeelException.class, broken::latestState);
        assertEquals(ErrorKind.INVALID_OPERATION, e.kind());
        assertTrue(e.getMessage().startsWith("src/main/java/com/acme/blog/migrations/M0001_initial.java: in migration "
                + "blog.0001_initial, operation 1 of 1 (Add field slug to post): no model blog.post"), e.getMessage());
    }
}
