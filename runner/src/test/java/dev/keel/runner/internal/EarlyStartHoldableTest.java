package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which first migrations {@link EarlyStart} may send before the plan is decided (a transaction held open that must
 * block no one: it creates tables and touches only those), and {@link TableSizes#readBefore}: the sizes as they were
 * before such a transaction, on a real server.
 */
class EarlyStartHoldableTest {
    static final Executor EXECUTOR = new Executor(new JdbcSink(null, JavaCode.none()), null,
            RunnerSettings.defaults(), MigrateListener.silent());

    /** {@code count} tables n0, n1, ... each with its key. */
    static List<Operation> tables(int count) {
        var ops = new ArrayList<Operation>();
        for (int i = 0; i < count; i++) {
            ops.add(createModel("n" + i, table("n" + i).field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("ref", column("ref_id", "bigint").nullable()).primaryKey("id")));
        }
        return ops;
    }

    static boolean holdable(boolean atomic, List<Operation> ops) {
        var spec = new MigrationSpec(new MigrationKey("blog", "0002_x"), List.of(new MigrationKey("blog", "0001_initial")),
                ops, atomic, false, false, List.of(), "test");
        return EarlyStart.holdable(EXECUTOR, Scripts.forwards(spec, LockPlanTest.BASE));
    }

    static List<Operation> with(List<Operation> ops, Operation... more) {
        var all = new ArrayList<>(ops);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void tablesCreatedAndTouchedOnlyByTheMigrationQualify() {
        assertTrue(holdable(true, tables(60)));
        assertTrue(holdable(true, with(tables(60), addIndex("n1", index("n1_ref_idx", "ref_id")),
                addConstraint("n2", foreignKey("n2_ref_fk", "ref_id").references("n3", "id")),
                addField("n4", "extra", column("extra", "text").nullable()), alterModelComment("n5", "a table"))));
    }

    @Test
    void anythingThatLocksATableThatExistedBeforeDoesNot() {
        // a foreign key to a table that exists: SHARE ROW EXCLUSIVE on it, held while keel plans
        assertFalse(holdable(true, with(tables(60), addConstraint("n2", foreignKey("n2_tag_fk", "ref_id").references("tag", "id")))));
        assertFalse(holdable(true, with(tables(60), addField("post", "extra", column("extra", "text").nullable()))));
        assertFalse(holdable(true, with(tables(60), addIndex("post", index("post_title_idx", "title")))));
        assertFalse(holdable(true, with(tables(60), alterModelComment("comment", "a table"))));
        assertFalse(holdable(true, with(tables(60), runSql("SELECT 1"))), "the user's SQL: keel cannot read what it locks");
    }

    @Test
    void aSmallOrNonAtomicOrConcurrentMigrationDoesNot() {
        var spec = new MigrationSpec(new MigrationKey("blog", "0002_x"), List.of(new MigrationKey("blog", "0001_initial")),
                tables(15), true, false, false, List.of(), "test");
        Script small = Scripts.forwards(spec, LockPlanTest.BASE);
        assertTrue(Executor.statements(small) < EarlyStart.MIN_STATEMENTS, Executor.statements(small) + " statements");
        assertFalse(EarlyStart.holdable(EXECUTOR, small), "too short to hide planning");
        assertFalse(holdable(false, tables(60)), "not atomic: each step is its own transaction");
        // a concurrent build (on a table that exists) cannot run in a transaction, and may move to post-deployment
        assertFalse(holdable(true, with(tables(60), addIndex("post", index("post_title_idx", "title"), true))));
    }

    /**
     * In a transaction that created tables: a name it created counts as absent, as before the transaction; a name of a
     * table that existed has its size; a name the transaction's table may hide (another of that name on the search path)
     * cannot be told.
     */
    @Test
    void sizesReadBeforeATransactionThatCreatedTables() throws Exception {
        try (Db db = Db.fresh()) {
            db.execute("CREATE SCHEMA app", "CREATE TABLE public.orders (id bigint)", "CREATE TABLE public.customer (id bigint)",
                    "INSERT INTO customer SELECT g FROM generate_series(1, 500) g", "ANALYZE customer",
                    "INSERT INTO orders SELECT g FROM generate_series(1, 70) g", "ANALYZE orders");
            try (Connection c = db.database.connect()) {
                Map<String, TableSizes.Size> before = TableSizes.read(c, List.of("customer", "orders", "lines"));
                assertEquals(500, before.get("customer").rows());
                assertFalse(before.containsKey("lines"));
                c.setAutoCommit(false);
                try (var st = c.createStatement()) {
                    st.execute("SET search_path = app, public");
                    st.execute("CREATE TABLE app.lines (id bigint)");
                    st.execute("CREATE INDEX lines_id_idx ON app.lines (id)");
                }
                Optional<Map<String, TableSizes.Size>> sizes = TableSizes.readBefore(c, List.of("customer", "lines", "lines_id_idx"));
                assertTrue(sizes.isPresent());
                assertEquals(before.get("customer"), sizes.get().get("customer"));
                assertEquals(Map.of("customer", before.get("customer")), sizes.get(), "lines did not exist before");
                assertEquals(before.get("orders"), TableSizes.readBefore(c, List.of("orders")).orElseThrow().get("orders"));
                try (var st = c.createStatement()) {
                    st.execute("CREATE TABLE app.orders (id bigint)"); // hides public.orders, which the name meant before
                }
                assertEquals(Optional.empty(), TableSizes.readBefore(c, List.of("customer", "orders")));
                c.rollback();
            }
        }
    }

    /**
     * The head a statement's kind is read from: what upper-casing and {@code replaceAll("\\s+", " ")} gave of its first
     * 200 characters, cut to {@link EarlyStart#HEAD_CHARS}.
     */
    @Test
    void headIsTheUpperCasedFirst200CharactersWithWhiteSpaceRunsAsOneSpaceCut() {
        String[] texts = {"", " ", "create table x (a int)", "CREATE\n\tTABLE  IF   NOT EXISTS x (a int)",
                "create\r\n table\u000B\fx ()", "  leading and trailing  \n", "create\u00a0table x (\u2003)",
                "create table \"Straße\" (a int)", "create table x (" + "a int, ".repeat(40) + "z int)",
                "x".repeat(199) + "  y", "x".repeat(200) + "   y", "\t".repeat(250), " ".repeat(150) + "create   table",
                "create sequence if not exists " + "ß".repeat(30), "create table " + "\uD801\uDC28".repeat(20),
                "x".repeat(39) + "\uD801\uDC28", "a\tb ".repeat(60)};
        for (String text : texts) {
            String head = text.length() > 200 ? text.substring(0, 200) : text;
            String expected = head.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            expected = expected.length() > EarlyStart.HEAD_CHARS ? expected.substring(0, EarlyStart.HEAD_CHARS) : expected;
            assertEquals(expected, EarlyStart.head(text), text);
        }
    }
}
