package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.migration.Operations;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.RunSql;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;
import static dev.keel.operations.DeletionAction.MOVE_TO_PENDING;

/** Uses every construct that keel's source reader understands; read and compiled, it must agree. */
public final class M0007_kitchen_sink extends Migration {
    private static final String TABLE = "shop_" + "order";
    private static final int CODE_LENGTH = 12;
    private static final long START = 1_000;
    private static final char QUOTE = '\'';
    private static final String STATUS_DEFAULT = QUOTE + "new" + QUOTE;
    private static final String VIEW = """
            CREATE VIEW open_orders AS
              SELECT * FROM shop_order WHERE status = 'new'\tAND total > 0   \s
            """;
    private static final DeletionAction LATER = MOVE_TO_PENDING;
    private static final String SEQUENCE = M0007_kitchen_sink.TABLE + "_seq";

    @Override
    protected void define() {
        dependsOn("shop", "0006_previous");
        dependsOn("blog", "0001_initial");
        replaces("shop", "0006a_old");
        this.atomic(false);
        postDeployment();
        operations();
        ;
        operations(
                createSequence(sequence(SEQUENCE).startWith(START).incrementBy(-1 * -50)),
                Operations.createModel("Order", table(TABLE).schema("sales").entity("Order")
                        .field("id", column("id", "int8").identity(Identity.BY_DEFAULT))
                        .field("code", column("code", "varchar(" + CODE_LENGTH + ")"))
                        .field("status", column("status", "text").defaultSql(STATUS_DEFAULT))
                        .field("note", column("note", "text").nullable().comment("caf\u00e9 \"quoted\"\n"))
                        .field("total", column("total", "numeric(" + (CODE_LENGTH - 2) + "," + 2 + ")").defaultSql(0 + ""))
                        .primaryKey("id")
                        .constraint(unique("uk_order_code", "code").deferrable())
                        .constraint(check("ck_status", "status <> ''").notValid())
                        .index(index("idx_order_status", "status", "code DESC").using("btree").where("status IS NOT NULL"))
                        .comment(null)),
                addIndex("order", index("idx_order_note", "note")).concurrently(),
                renameField("order", "note", "remark").renamingColumn("remark"),
                alterModelComment("order", null),
                safeRemoveField("order", "remark", LATER),
                safeRemoveField("order", "remark", DeletionAction.DELETE),
                runSql(VIEW, RunSql.NOOP),
                runSql("SELECT 1"),
                runJava("forward", "backward"),
                separateDatabaseAndState(ops(runSql("ALTER TABLE x", dev.keel.operations.RunSql.NOOP)), ops()),
                validateConstraint("order", "ck_status"));
    }

    void forward(Object context) {
        String notRead = "keel reads define() only";
    }
}
