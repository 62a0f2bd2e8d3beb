package dev.keel.safety;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.NewMigration;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.SwitchColumn;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Type changes PostgreSQL cannot do in place, written by makemigrations as expand and contract, on the shop's
 * 20,000 rows per table: orders.quantity integer to bigint (NOT NULL, a default, indexed), customer.legacy_code
 * varchar(20) to varchar(10) (NOT NULL, indexed; its length check), customer.nickname text to jsonb with the
 * user's expression, customer.status varchar(20) to varchar(8) (with its check constraint). Each migration is applied, then the code of before the change (old types) and of after it
 * (new types) write; after the backfill every row holds the same value in both columns; every migration is then
 * unapplied, last first, with writes between, and the database holds each state on the way.
 */
class TypeChangeDatabaseTest {
    static final String NICKNAME = "CASE WHEN nickname ~ '^\\s*[{\\[]' THEN nickname::jsonb ELSE to_jsonb(nickname) END";

    @TempDir Path project;

    /** The shop with orders.quantity, an indexed integer with a default. */
    static ProjectState withQuantity() {
        return Scenario.baseState().updateTable("shop", "order", t -> t.field("quantity", column("quantity", "integer").defaultSql("1"))
                .index(index("ix_orders_quantity", "quantity")));
    }

    static ProjectState changed() {
        return withQuantity()
                .updateTable("shop", "order", t -> t.replaceColumn("quantity", column("quantity", "bigint").defaultSql("1").field("quantity")))
                .updateTable("shop", "customer", t -> t
                        .replaceColumn("legacy_code", column("legacy_code", "varchar(10)").field("legacyCode"))
                        .replaceColumn("status", column("status", "varchar(8)").nullable().field("status"))
                        .replaceColumn("nickname", column("nickname", "jsonb").nullable().field("nickname")));
    }

    List<MigrationSpec> make(ProjectState target, SafetyOptions safety, boolean deletePending) {
        var options = new MakeOptions(List.of(), false, false, false, false, null, deletePending, safety);
        return new MakeMigrations((c, d) -> new ScannedProject(target, DiffHints.NONE), new NonInteractiveQuestioner())
                .run(KeelConfig.read(project), project, options).migrations().stream().map(NewMigration::spec).toList();
    }

    static SafetyOptions using() {
        return new SafetyOptions(Set.of(), Set.of(), false, Map.of("shop.Customer.nickname", NICKNAME));
    }

    @Test
    void withoutAnExpressionForTextToJsonbMakemigrationsStopsAndNamesUsing() {
        Scenario.copy(Scenario.BASE, project);
        make(withQuantity(), SafetyOptions.DEFAULT, false);
        KeelException e = assertThrows(KeelException.class, () -> make(changed(), SafetyOptions.DEFAULT, false));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertTrue(e.getMessage().contains("field shop.customer.nickname: column nickname of customer changes from text to jsonb"), e.getMessage());
        assertTrue(e.getMessage().contains("keel makemigrations --using \"shop.customer.nickname=nickname::jsonb\""), e.getMessage());
    }

    @Test
    void oldAndNewCodeWriteThroughEveryStepBothWays() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        List<MigrationSpec> quantity = make(withQuantity(), SafetyOptions.DEFAULT, false);
        List<MigrationSpec> steps = make(changed(), using(), false);
        List<MigrationSpec> contract = make(changed(), SafetyOptions.DEFAULT, true);
        assertEquals(1, contract.size(), "the delete phase is one migration");
        assertEquals(List.of(), make(changed(), SafetyOptions.DEFAULT, true), "nothing left to do");

        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            var applier = new SimpleApplier(db.connection);
            ProjectState state = applier.apply(quantity, Scenario.baseState());
            db.execute("UPDATE orders SET quantity = id % 1000", "UPDATE customer SET nickname = CASE WHEN id % 2 = 0 THEN '{\"n\": ' || id || '}' ELSE 'nick ' || id END WHERE id <= 5000");
            var states = new ArrayList<ProjectState>();
            boolean switched = false;
            boolean copied = false;
            for (MigrationSpec m : steps) {
                states.add(state);
                state = applier.apply(List.of(m), state);
                ShopDatabase.assertHolds(db, state);
                copied |= m.operations().stream().anyMatch(CopyColumn.class::isInstance);
                switched |= m.operations().stream().anyMatch(SwitchColumn.class::isInstance);
                oldCode(db, switched);
                newCode(db, switched);
                if (copied && !switched) {
                    assertEquals(0, db.count("SELECT count(*) FROM orders WHERE quantity_keel_new IS DISTINCT FROM quantity::bigint"));
                    assertEquals(0, db.count("SELECT count(*) FROM customer WHERE legacy_code_keel_new IS DISTINCT FROM legacy_code"));
                    assertEquals(0, db.count("SELECT count(*) FROM customer WHERE nickname_keel_new IS DISTINCT FROM ("
                            + NICKNAME + ")"));
                    assertTrue(db.count("SELECT count(*) FROM customer WHERE nickname_keel_new IS NOT NULL") > 5000);
                }
            }
            assertTrue(switched && copied, "the plan copies and switches: " + steps);
            assertEquals("bigint", db.string("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'quantity'"));
            assertEquals("1", db.string("SELECT quantity::text FROM orders WHERE id = 990001"), "the new column has the default");
            assertEquals(0, db.count("SELECT count(*) FROM orders WHERE quantity_keel_old IS DISTINCT FROM"
                    + " CASE WHEN quantity BETWEEN -2147483648 AND 2147483647 THEN quantity::integer END"), "the old column follows");
            assertEquals(1, db.count("SELECT count(*) FROM orders WHERE quantity = 3000000000 AND quantity_keel_old IS NULL"),
                    "a value the old type cannot hold leaves the old column NULL, it does not fail the write");
            assertEquals(0, db.count("SELECT count(*) FROM customer WHERE nickname_keel_old IS DISTINCT FROM nickname::text"
                    + " AND (" + NICKNAME.replace("nickname", "nickname_keel_old") + ") IS DISTINCT FROM nickname"),
                    "the old column holds the old text, or the new value's text once the new code wrote it");
            assertEquals(List.of("customer_status_check"), checks(db, "status"), "the check follows under its name");
            assertEquals("{\"n\": 2}", db.string("SELECT nickname::text FROM customer WHERE id = 2"));
            assertEquals("\"nick 1\"", db.string("SELECT nickname::text FROM customer WHERE id = 1"));

            // back, last migration first: a bigint beyond integer cannot go back, the new code's row is set within range
            db.execute("UPDATE orders SET quantity = 42 WHERE quantity > 2147483647");
            for (int i = steps.size() - 1; i >= 0; i--) {
                applier.unapply(List.of(steps.get(i)), states.get(i));
                state = states.get(i);
                holdsUnvalidated(db, state);
                boolean stillSwitched = steps.subList(0, i).stream().flatMap(m -> m.operations().stream()).anyMatch(SwitchColumn.class::isInstance);
                oldCode(db, stillSwitched);
            }
            assertEquals("integer", db.string("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'quantity'"));
            assertEquals("42", db.string("SELECT quantity::text FROM orders WHERE id = 990002"), "the new code's row, back in the old column");
            assertEquals("{\"n\": 2}", db.string("SELECT nickname FROM customer WHERE id = 2"));

            // forwards again, then the contract
            for (MigrationSpec m : steps) {
                state = applier.apply(List.of(m), state);
            }
            state = applier.apply(contract, state);
            ShopDatabase.assertHolds(db, state);
            assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE column_name LIKE '%keel%'"));
            assertEquals(0, db.count("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"));
            oldCode(db, true);
            newCode(db, true);
        }
    }

    /**
     * The database holds {@code state}, except that a check the state says NOT VALID may be validated: PostgreSQL
     * cannot un-validate a constraint, and unapplying a validation only marks it NOT VALID in the state.
     */
    static void holdsUnvalidated(Db db, ProjectState state) throws SQLException {
        try (Db scratch = Db.fresh()) {
            Catalog built = Catalog.roundTrip(state, scratch.connection);
            var diff = CatalogDiff.strict().allowing("table *: check *: validated false vs true",
                    "an unapplied validation leaves the constraint validated in the database");
            assertEquals(List.of(), diff.diff(built, db.catalog()).differences(), "database vs the state built from scratch");
        }
    }

    static List<String> checks(Db db, String column) throws SQLException {
        var names = new ArrayList<String>();
        try (var st = db.connection.createStatement(); var r = st.executeQuery("SELECT conname FROM pg_constraint c"
                + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)"
                + " WHERE c.contype = 'c' AND a.attname = '" + column + "' ORDER BY 1")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @Test
    void aValueTooLongForTheShrunkColumnFailsTheBackfillWithItsRow() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        ProjectState shorter = Scenario.baseState().updateTable("shop", "customer",
                t -> t.replaceColumn("legacy_code", column("legacy_code", "varchar(4)").field("legacyCode")));
        List<MigrationSpec> steps = make(shorter, SafetyOptions.DEFAULT, false);
        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            var applier = new SimpleApplier(db.connection);
            ProjectState state = applier.apply(List.of(steps.get(0)), Scenario.baseState());
            KeelException e = assertThrows(KeelException.class, () -> applier.apply(List.of(steps.get(1)), state));
            assertTrue(e.getMessage().contains("value too long for type character varying(4)")
                    || e.getMessage().contains("customer_legacy_code_keel_length"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM customer WHERE length(legacy_code_keel_new) > 4"), "nothing cut short");
            assertEquals(20000, db.count("SELECT count(*) FROM customer WHERE legacy_code LIKE 'L%'"), "the old column untouched");
        }
    }

    @Test
    void withoutATotalWayBackNewWritesLeaveTheOldColumnNullAndUnapplyingTheSwitchFailsLoudly() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        List<MigrationSpec> quantity = make(withQuantity(), SafetyOptions.DEFAULT, false);
        ProjectState texts = withQuantity().updateTable("shop", "order",
                t -> t.replaceColumn("quantity", column("quantity", "text").defaultSql("'1'").field("quantity")));
        List<MigrationSpec> steps = make(texts, new SafetyOptions(Set.of(), Set.of(), false,
                Map.of("shop.Order.quantity", "quantity::text")), false);
        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            var applier = new SimpleApplier(db.connection);
            ProjectState start = applier.apply(quantity, Scenario.baseState());
            ProjectState state = applier.apply(steps, start);
            ShopDatabase.assertHolds(db, state);
            assertEquals(0, db.count("SELECT count(*) FROM orders WHERE quantity IS DISTINCT FROM quantity_keel_old::text"));
            db.execute("INSERT INTO orders (id, customer_id, total, created_at, quantity) VALUES (990001, 1, 1, now(), 'many')",
                    "UPDATE orders SET quantity = 'a few' WHERE id = 3");
            assertEquals(2, db.count("SELECT count(*) FROM orders WHERE quantity_keel_old IS NULL"),
                    "a value the old type cannot take back is unknown (NULL) in the old column, and the write succeeds");
            ProjectState beforeSwitch = dev.keel.graph.MigrationGraph.replay(start, steps.subList(0, steps.size() - 1));
            KeelException e = assertThrows(KeelException.class, () -> applier.unapply(List.of(steps.get(steps.size() - 1)), beforeSwitch));
            assertTrue(e.getMessage().contains("quantity_keel_old") || e.getMessage().contains("null value"), e.getMessage());
            assertEquals("text", db.string("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'quantity'"),
                    "the failed unapply changed nothing");
        }
    }

    /** The shop with audit.entry: a keyword column "order", NOT NULL and unique, in another schema. */
    static ProjectState withEntry(String type) {
        return Scenario.baseState().addTable("shop", "Entry", dev.keel.migration.Operations.table("entry").schema("audit").entity("Entry")
                .field("id", column("id", "bigint"))
                .field("order", column("order", type))
                .primaryKey("id")
                .constraint(dev.keel.migration.Operations.unique("entry_order_key", "order")));
    }

    @Test
    void aKeywordColumnWithAUniqueConstraintInAnotherSchema() throws SQLException {
        Scenario.copy(Scenario.BASE, project);
        List<MigrationSpec> created = make(withEntry("integer"), SafetyOptions.DEFAULT, false);
        List<MigrationSpec> steps = make(withEntry("bigint"), SafetyOptions.DEFAULT, false);
        try (Db db = ShopDatabase.populated(Scenario.baseState())) {
            var applier = new SimpleApplier(db.connection);
            ProjectState start = applier.apply(created, Scenario.baseState());
            db.execute("INSERT INTO audit.entry (id, \"order\") SELECT i, i * 10 FROM generate_series(1, 5000) i");
            ProjectState state = start;
            var states = new ArrayList<ProjectState>();
            int id = 10000;
            for (MigrationSpec m : steps) {
                states.add(state);
                state = applier.apply(List.of(m), state);
                ShopDatabase.assertHolds(db, state);
                id++;
                db.execute("INSERT INTO audit.entry (id, \"order\") VALUES (" + id + ", " + id + ")",
                        "UPDATE audit.entry SET \"order\" = \"order\" + 1 WHERE id = 1");
            }
            assertEquals("bigint", db.string("SELECT data_type FROM information_schema.columns WHERE table_schema = 'audit'"
                    + " AND table_name = 'entry' AND column_name = 'order'"));
            assertEquals("u", db.string("SELECT contype FROM pg_constraint WHERE conname = 'entry_order_key'"),
                    "the unique constraint is on the new column, under its name");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> db.execute("INSERT INTO audit.entry (id, \"order\") VALUES (99999, 20)"));
            assertTrue(duplicate.getMessage().contains("entry_order_key"), duplicate.getMessage());
            db.execute("INSERT INTO audit.entry (id, \"order\") VALUES (99999, 5000000000)");
            db.execute("DELETE FROM audit.entry WHERE id = 99999");
            for (int i = steps.size() - 1; i >= 0; i--) {
                applier.unapply(List.of(steps.get(i)), states.get(i));
                holdsUnvalidated(db, states.get(i));
                db.execute("UPDATE audit.entry SET \"order\" = \"order\" + 1 WHERE id = 2");
            }
            assertEquals(5000 + steps.size(), db.count("SELECT count(*) FROM audit.entry"));
            assertEquals(20 + steps.size(), db.count("SELECT \"order\" FROM audit.entry WHERE id = 2"));
        }
    }

    @Test
    void theAnswerAtThePromptWritesWhatUsingWrites() throws Exception {
        Scenario.copy(Scenario.BASE, project);
        make(withQuantity(), SafetyOptions.DEFAULT, false);
        var asked = new ArrayList<String>();
        var rest = new NonInteractiveQuestioner();
        var typing = new dev.keel.diff.Questioner() {
            @Override public java.util.Optional<String> defaultForNotNullAdd(dev.keel.diff.FieldRef f, dev.keel.state.Column c) {
                return rest.defaultForNotNullAdd(f, c);
            }

            @Override public boolean isRename(dev.keel.diff.FieldRef removed, dev.keel.diff.FieldRef added) {
                return rest.isRename(removed, added);
            }

            @Override public boolean isModelRename(String app, String removedModel, String addedModel) {
                return rest.isModelRename(app, removedModel, addedModel);
            }

            @Override public java.util.Optional<String> usingForTypeChange(dev.keel.diff.FieldRef field, dev.keel.state.Column c,
                                                                            String newType, String example) {
                asked.add(field + " " + c.type() + " -> " + newType + " e.g. " + example);
                return java.util.Optional.of(NICKNAME);
            }
        };
        var written = new MakeMigrations((c, d) -> new ScannedProject(changed(), DiffHints.NONE), typing)
                .run(KeelConfig.read(project), project, new MakeOptions(List.of(), false, true, false, false, null, false,
                        SafetyOptions.DEFAULT)).migrations();
        assertEquals(List.of("shop.customer.nickname text -> jsonb e.g. nickname::jsonb"), asked);
        var withUsing = new MakeMigrations((c, d) -> new ScannedProject(changed(), DiffHints.NONE), new NonInteractiveQuestioner())
                .run(KeelConfig.read(project), project, new MakeOptions(List.of(), false, true, false, false, null, false, using()))
                .migrations();
        assertEquals(withUsing.stream().map(NewMigration::source).toList(), written.stream().map(NewMigration::source).toList());
    }

    private int next = 990000;

    /** What the code of before the change writes: integers, short codes, text nicknames (before the switch). */
    private void oldCode(Db db, boolean switched) throws SQLException {
        int id = ++next;
        db.execute("INSERT INTO orders (id, customer_id, total, created_at) VALUES (" + id + ", 1, 1, now())",
                "UPDATE orders SET quantity = 7 WHERE id = 10",
                "INSERT INTO customer (id, email, legacy_code, nickname) VALUES (" + id + ", 'o" + id + "@example.com', 'O" + id + "', "
                        + (switched ? "NULL" : "'old text'::text") + ")",
                "UPDATE customer SET legacy_code = 'L11b' WHERE id = 11");
        assertEquals(7, db.count("SELECT quantity FROM orders WHERE id = 10"));
    }

    /** What the code of after the change writes: longs (big ones once switched), JSON nicknames. */
    private void newCode(Db db, boolean switched) throws SQLException {
        int id = ++next;
        db.execute("INSERT INTO orders (id, customer_id, total, created_at, quantity) VALUES (" + id + ", 1, 1, now(), "
                        + (switched ? "3000000000" : "42") + "::bigint)",
                "UPDATE orders SET quantity = 8::bigint WHERE id = 12",
                "INSERT INTO customer (id, email, legacy_code, nickname) VALUES (" + id + ", 'n" + id + "@example.com', 'N" + id
                        + "', '{\"new\": true}'::jsonb)",
                "UPDATE customer SET nickname = '{\"n\": 2}'::jsonb WHERE id = 2");
        assertEquals(8, db.count("SELECT quantity FROM orders WHERE id = 12"));
    }
}
