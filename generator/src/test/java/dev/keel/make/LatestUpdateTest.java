package dev.keel.make;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.rewrite.PlannedMigration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code makemigrations --update}: which latest migrations may be rewritten, and the fold of the new changes. */
class LatestUpdateTest {
    static MigrationKey key(String app, String name) {
        return new MigrationKey(app, name);
    }

    static MigrationSpec spec(String app, String name, List<MigrationKey> deps, List<Operation> ops, boolean post,
                              List<MigrationKey> replaces) {
        return new MigrationSpec(key(app, name), deps, ops, true, post, deps.isEmpty(), replaces,
                "/p/" + app + "/M" + name + ".java");
    }

    static final MigrationSpec SHOP_1 = spec("shop", "0001_initial", List.of(), List.of(createModel("Order",
            table("orders").field("id", column("id", "bigint")).primaryKey("id"))), false, List.of());

    @Test
    void refusesEachAppWhoseLatestCannotBeRewrittenSayingWhy() {
        var squash = spec("shop", "0001_squashed_0002", List.of(), SHOP_1.operations(), false,
                List.of(key("shop", "0001_a"), key("shop", "0002_b")));
        var java = spec("blog", "0001_initial", List.of(), List.of(runJava("fill")), false, List.of());
        var users1 = spec("users", "0001_initial", List.of(), List.of(createModel("User",
                table("users").field("id", column("id", "bigint")).primaryKey("id"))), false, List.of());
        var billing = spec("billing", "0001_initial", List.of(key("users", "0001_initial")), List.of(), false, List.of());
        var graph = MigrationGraph.of(List.of(squash, java, users1, billing));
        KeelException e = assertThrows(KeelException.class,
                () -> LatestUpdate.targets(graph, Set.of("shop", "blog", "users", "orders"), UpdateGuard.NONE));
        assertEquals(ErrorKind.USAGE, e.kind());
        String m = e.getMessage();
        assertTrue(m.contains("app orders has no migration to update"), m);
        assertTrue(m.contains("/p/shop/M0001_squashed_0002.java: the latest migration of shop, 0001_squashed_0002, is a squash"), m);
        assertTrue(m.contains("/p/blog/M0001_initial.java: blog.0001_initial runs Java (RunJava)"), m);
        assertTrue(m.contains("/p/users/M0001_initial.java: migrations [billing.0001_initial] depend on users.0001_initial"), m);
    }

    @Test
    void theGuardIsAskedOnlyAboutMigrationsThatMayBeRewrittenAndItsReasonsStopTheRun() {
        var asked = new ArrayList<MigrationSpec>();
        UpdateGuard guard = latest -> {
            asked.addAll(latest);
            return List.of("shop.0001_initial is applied to the database");
        };
        KeelException e = assertThrows(KeelException.class,
                () -> LatestUpdate.targets(MigrationGraph.of(List.of(SHOP_1)), Set.of("shop"), guard));
        assertEquals(List.of(SHOP_1), asked);
        assertTrue(e.getMessage().contains("applied to the database"), e.getMessage());
        assertEquals(SHOP_1, LatestUpdate.targets(MigrationGraph.of(List.of(SHOP_1)), Set.of("shop"), UpdateGuard.NONE).get("shop"));
    }

    @Test
    void foldsTheNewOperationsIntoTheTablesTheLatestCreatesAndRenamesOnRequest() {
        var plan = new PlannedMigration(List.of(addField("Order", "total", column("total", "numeric(12,2)").nullable()),
                addIndex("Order", index("ix_orders_total", "total"))), true, false);
        var folds = new ArrayList<String>();
        MigrationSpec folded = LatestUpdate.fold(SHOP_1, plan, List.of(), "orders", List.of(SHOP_1), folds);
        assertEquals(key("shop", "0001_orders"), folded.key());
        assertEquals(1, folded.operations().size(), folded.operations().toString());
        CreateModel create = assertInstanceOf(CreateModel.class, folded.operations().get(0));
        assertTrue(create.table().findColumn("total").isPresent(), create.toString());
        assertTrue(folded.initial());
        assertEquals(2, folds.size(), folds.toString());
    }

    @Test
    void newChangesOfTheOtherPhaseAreRefused() {
        var plan = new PlannedMigration(List.of(addIndex("Order", index("ix_orders_id", "id"), true)), false, true);
        KeelException e = assertThrows(KeelException.class,
                () -> LatestUpdate.fold(SHOP_1, plan, List.of(), null, List.of(SHOP_1), new ArrayList<>()));
        assertTrue(e.getMessage().contains("runs at deploy time, and the new changes (Create index ix_orders_id on"
                + " order concurrently) run after the deploy"), e.getMessage());
    }
}
