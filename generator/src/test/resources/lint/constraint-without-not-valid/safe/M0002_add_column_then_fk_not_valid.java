package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A column added plain, its foreign key NOT VALID. */
public final class M0002_add_column_then_fk_not_valid extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN coupon_id bigint"),
                runSql("ALTER TABLE orders ADD CONSTRAINT fk_orders_coupon FOREIGN KEY (coupon_id) REFERENCES customer (id) NOT VALID"));
    }
}
