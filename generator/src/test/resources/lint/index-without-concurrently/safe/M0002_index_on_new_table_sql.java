package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An index on a table created in the same migration. */
public final class M0002_index_on_new_table_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE coupon (id bigint PRIMARY KEY, code text); CREATE INDEX ix_coupon_code ON coupon (code)"));
    }
}
