package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The expand step: a plain nullable column, a sequence, a default for new rows only. */
public final class M0002_add_plain_number extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE SEQUENCE orders_number_seq"),
                runSql("ALTER TABLE orders ADD COLUMN number bigint"),
                runSql("ALTER TABLE orders ALTER COLUMN number SET DEFAULT nextval('orders_number_seq')"));
    }
}
