package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Lower case, schema-qualified, several tables, CASCADE, in a text block with comments. */
public final class M0002_truncate_orders_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    -- start over with the orders
                    /* the customers stay */
                    truncate table only public.orders, "wishlist" restart identity cascade;
                    """));
    }
}
