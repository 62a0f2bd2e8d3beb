package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A column and its foreign key NOT VALID: one table altered; the referenced table is locked by the key's own statement. */
public final class M0002_one_table_then_fk extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN wish_id bigint"),
                runSql("ALTER TABLE orders ADD CONSTRAINT fk_orders_wish FOREIGN KEY (wish_id) REFERENCES wishlist (id) NOT VALID"));
    }
}
