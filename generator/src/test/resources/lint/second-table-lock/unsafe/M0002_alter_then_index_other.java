// expect: second-table-lock, index-without-concurrently
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Alters orders, then builds an index on wishlist without CONCURRENTLY in the same transaction. */
public final class M0002_alter_then_index_other extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN wish_id bigint; CREATE INDEX wishlist_product ON wishlist (product)"));
    }
}
