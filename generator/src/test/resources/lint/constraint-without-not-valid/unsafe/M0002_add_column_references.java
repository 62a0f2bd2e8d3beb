package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A column added with an inline foreign key. */
public final class M0002_add_column_references extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES customer (id)"));
    }
}
