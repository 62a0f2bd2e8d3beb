package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.diff.Questioner;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import dev.keel.state.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.keel.migration.Operations.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The value typed at makemigrations' prompt for a NOT NULL column added to a table with rows stays the
 * column's database default: the code still running during the deploy inserts rows without the column,
 * and those inserts succeed after the migration. A constant (customer.currency, orders.priority) is one
 * {@code ADD COLUMN ... DEFAULT x NOT NULL}; a volatile value (wishlist.token) goes through the expand,
 * backfill and NOT NULL steps and is kept as well. The next makemigrations finds nothing to do (the state
 * records the kept defaults although the entities declare none).
 */
class PromptedDefaultDatabaseTest {
    static final Map<String, String> TYPED = Map.of(
            "shop.customer.currency", "'EUR'",
            "shop.order.priority", "0",
            "shop.wishlist.token", "gen_random_uuid()");

    @TempDir Path project;

    /** The shop's entities with the three NOT NULL fields, none declaring a default. */
    static ProjectState entities() {
        return Scenario.baseState()
                .updateTable("shop", "customer", t -> t.field("currency", column("currency", "varchar(3)")))
                .updateTable("shop", "order", t -> t.field("priority", column("priority", "integer")))
                .updateTable("shop", "wishlist", t -> t.field("token", column("token", "uuid")));
    }

    /** Answers the default prompt as a user at the terminal would, from {@link #TYPED}. */
    static final class Typing implements Questioner {
        final List<String> asked = new ArrayList<>();
        private final NonInteractiveQuestioner rest = new NonInteractiveQuestioner();

        @Override public Optional<String> defaultForNotNullAdd(FieldRef field, Column c) {
            asked.add(field.toString());
            return Optional.ofNullable(TYPED.get(field.toString()));
        }

        @Override public boolean isRename(FieldRef removed, FieldRef added) {
            return rest.isRename(removed, added);
        }

        @Override public boolean isModelRename(String app, String removedModel, String addedModel) {
            return rest.isModelRename(app, removedModel, addedModel);
        }
    }

    MakeResult make(Typing typing) {
        ProjectState target = entities();
        return new MakeMigrations((c, d) -> new ScannedProject(target, DiffHints.NONE), typing)
                .run(KeelConfig.read(project), project, MakeOptions.defaults());
    }

    @Test
    void oldCodesInsertsWithoutTheColumnsSucceedAfterTheMigrations() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        var typing = new Typing();
        List<MigrationSpec> written = new ArrayList<>(make(typing).migrations().stream().map(NewMigration::spec).toList());
        assertEquals(List.copyOf(new java.util.TreeSet<>(TYPED.keySet())), typing.asked.stream().sorted().toList());
        written.addAll(make(new Typing()).migrations().stream().map(NewMigration::spec).toList());

        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            ProjectState after = new SimpleApplier(db.connection).apply(written, Scenario.baseState());
            ShopDatabase.assertHolds(db, after);
            // the code that does not know the new columns, still running during the deploy
            db.execute(List.of(
                    "INSERT INTO customer (id, email, name, status, legacy_code, nickname)"
                            + " VALUES (900001, 'old@example.com', 'Old', 'NEW', 'L0', NULL)",
                    "INSERT INTO orders (id, customer_id, referrer_id, total, created_at) VALUES (900001, 1, NULL, 1.5, now())",
                    "INSERT INTO wishlist (id, customer_id, product) VALUES (900001, 1, 'old product')"));
            assertEquals("EUR", ShopDatabase.text(db, "SELECT currency FROM customer WHERE id = 900001"));
            assertEquals("0", ShopDatabase.text(db, "SELECT priority::text FROM orders WHERE id = 900001"));
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM wishlist WHERE token IS NULL"));
            assertEquals("20001", ShopDatabase.text(db, "SELECT count(*) FROM customer WHERE currency = 'EUR'"));
            assertEquals("YES", ShopDatabase.text(db, "SELECT CASE WHEN bool_and(is_nullable = 'NO') THEN 'YES' ELSE 'NO' END"
                    + " FROM information_schema.columns WHERE column_name IN ('currency', 'priority', 'token')"));
        }
        String sql = String.join("\n", RunnerSql.renderAll(written, Scenario.baseState()));
        assertFalse(sql.contains("DROP DEFAULT"), "a typed default is never dropped:\n" + sql);
        assertTrue(sql.contains("ADD COLUMN \"currency\" varchar(3) DEFAULT 'EUR' NOT NULL")
                || sql.contains("ADD COLUMN currency varchar(3) DEFAULT 'EUR' NOT NULL"), sql);
        assertEquals(List.of(), make(new Typing()).migrations().stream().map(NewMigration::source).toList(),
                "the kept defaults are in the state: the next makemigrations writes nothing");
    }
}
