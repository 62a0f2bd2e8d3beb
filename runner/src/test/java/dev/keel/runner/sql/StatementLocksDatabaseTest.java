package dev.keel.runner.sql;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StatementLocks} agrees with PostgreSQL: each operation's statements run in a transaction on a real
 * database, and after each statement the locks the transaction holds on the tables that existed before
 * (read from {@code pg_locks}) are exactly those predicted for the statements so far: the same tables, and
 * on each, modes that conflict with exactly the same modes.
 */
class StatementLocksDatabaseTest {
    private static final String APP = "shop";

    static ProjectState base() {
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : List.of(
                createModel("tag", table("tag").field("id", column("id", "bigint")).field("name", column("name", "varchar(20)").nullable())
                        .primaryKey("id")),
                createModel("post", table("post").field("id", column("id", "bigint")).field("tag", column("tag_id", "bigint").nullable())
                        .field("title", column("title", "varchar(20)").nullable()).primaryKey("id")
                        .constraint(foreignKey("fk_post_tag", "tag_id").references("tag", "id"))
                        .index(index("post_title_idx", "title"))),
                createModel("customer", table("Customer").schema("sales").field("id", column("id", "bigint")).primaryKey("id")),
                createModel("order", table("order").schema("sales").field("id", column("id", "bigint"))
                        .field("customer", column("customer_id", "bigint").nullable()).primaryKey("id")
                        .constraint(foreignKey("fk_order_customer", "customer_id").references("sales.Customer", "id").notValid())),
                createModel("cat", table("cat").field("code", column("code", "varchar(10)")).primaryKey("code")),
                createModel("item", table("item").field("id", column("id", "bigint")).field("cat", column("cat_code", "varchar(10)").nullable())
                        .primaryKey("id").constraint(foreignKey("fk_item_cat", "cat_code").references("cat", "code"))),
                createSequence(sequence("post_seq")),
                addField("tag", "label", column("label", "varchar(20)").nullable()),
                addColumnSync("tag", "name", "label", "name", "label"))) {
            s = StateTransitions.apply(op, APP, s);
        }
        return s;
    }

    static List<Operation> operations() {
        return List.of(
                addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                addConstraint("post", foreignKey("fk_post_primary", "tag_id").references("tag", "id").notValid()),
                addConstraint("post", foreignKey("fk_post_primary", "tag_id").references("tag", "id")),
                addConstraint("post", foreignKey("fk_post_self", "tag_id").references("post", "id").notValid()),
                addConstraint("post", check("post_title_check", "title <> ''").notValid()),
                addConstraint("post", unique("post_title_key", "title")),
                removeConstraint("post", "fk_post_tag"),
                removeField("post", "tag"),
                removeField("post", "title"),
                deleteModel("post"),
                deleteModel("order"),
                alterField("item", "cat", column("cat_code", "varchar(20)").nullable()),
                alterField("cat", "code", column("code", "varchar(20)")),
                alterField("post", "title", column("title", "varchar(20)")),
                alterField("post", "title", column("title", "varchar(20)").nullable().defaultSql("'x'").comment("the title")),
                validateConstraint("order", "fk_order_customer"),
                validateConstraint("post", "fk_post_tag"),
                createModel("comment", table("comment").field("id", column("id", "bigint")).field("post", column("post_id", "bigint"))
                        .field("tag", column("tag_id", "bigint").nullable()).primaryKey("id")
                        .constraint(foreignKey("fk_comment_post", "post_id").references("post", "id"))
                        .constraint(foreignKey("fk_comment_tag", "tag_id").references("tag", "id").notValid())
                        .index(index("comment_post_idx", "post_id")).comment("comments")),
                createModel("post_tags", table("post_tags").field("post", column("post_id", "bigint")).field("tag", column("tag_id", "bigint"))
                        .primaryKey("post_id", "tag_id")
                        .constraint(foreignKey("fk_pt_post", "post_id").references("post", "id"))
                        .constraint(foreignKey("fk_pt_tag", "tag_id").references("tag", "id"))),
                addField("order", "note", column("note", "text").nullable()),
                addConstraint("order", foreignKey("fk_order_customer2", "customer_id").references("sales.Customer", "id").notValid()),
                removeConstraint("order", "fk_order_customer"),
                addIndex("post", index("post_tag_idx", "tag_id")),
                removeIndex("post", "post_title_idx"),
                renameIndex("post", "post_title_idx", "post_title_idx2"),
                alterModelComment("post", "posts"),
                renameField("post", "title", "heading", "heading"),
                alterModelTable("post", "article"),
                alterModelTable("order", "public.order"),
                alterSequence(sequence("post_seq").incrementBy(50)),
                addColumnSync("order", "customer_id", "id", "customer_id", "id"),
                removeColumnSync("tag", "label"),
                alterModelTable("tag", "sales.label_tag"),
                alterModelTable("tag", "tags"),
                deleteSequence("post_seq"));
    }

    @Test
    void everyStatementLocksWhatPostgresqlLocks() throws Exception {
        ProjectState base = base();
        try (Db db = Db.fresh()) {
            db.execute(OperationSql.createAll(base));
            for (var p : base.pending()) {
                if (p instanceof dev.keel.state.PendingSync sync) {
                    db.execute(ColumnSyncSql.create(sync));
                }
            }
            Map<Long, String> tables = tables(db.connection);
            var failures = new ArrayList<String>();
            for (Operation op : operations()) {
                verify(db.connection, tables, base, op, failures);
            }
            assertEquals(List.of(), failures);
        }
    }

    private static void verify(Connection c, Map<Long, String> tables, ProjectState base, Operation op, List<String> failures)
            throws SQLException {
        var predicted = new HashMap<String, Set<LockMode>>();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            for (Step step : OperationSql.forwards(APP, base, op)) {
                String sql = ((Step.Sql) step).text();
                var locks = StatementLocks.of(sql, base);
                if (locks.isEmpty()) {
                    failures.add(op.describe() + ": keel cannot read its own statement " + sql);
                    continue;
                }
                for (TableLock l : locks.get().locks()) {
                    if (tables.containsValue(l.table())) {
                        predicted.computeIfAbsent(l.table(), t -> EnumSet.noneOf(LockMode.class)).addAll(l.mode().conflicts());
                    }
                }
                st.execute(sql);
                Map<String, Set<LockMode>> actual = held(c, tables);
                if (!actual.equals(predicted)) {
                    failures.add(op.describe() + ": after " + sql + "\n  PostgreSQL holds locks conflicting with " + actual
                            + "\n  predicted " + predicted);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The tables of the database before the operation, by oid, named as keel's state names them. */
    private static Map<Long, String> tables(Connection c) throws SQLException {
        var result = new HashMap<Long, String>();
        try (var st = c.createStatement(); var r = st.executeQuery("SELECT c.oid, n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'sales')")) {
            while (r.next()) {
                result.put(r.getLong(1), (r.getString(2).equals("public") ? "" : r.getString(2) + ".") + r.getString(3));
            }
        }
        assertTrue(result.size() >= 6, result.toString());
        return result;
    }

    /** For each table, the modes that conflict with one the transaction holds on it. */
    private static Map<String, Set<LockMode>> held(Connection c, Map<Long, String> tables) throws SQLException {
        var result = new HashMap<String, Set<LockMode>>();
        try (var st = c.createStatement(); var r = st.executeQuery(
                "SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'")) {
            while (r.next()) {
                String table = tables.get(r.getLong(1));
                if (table != null) {
                    LockMode mode = LockMode.valueOf(r.getString(2).replace("Lock", "")
                            .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
                    result.computeIfAbsent(table, t -> EnumSet.noneOf(LockMode.class)).addAll(mode.conflicts());
                }
            }
        }
        return result;
    }
}
