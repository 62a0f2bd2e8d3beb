package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** The same in SQL. */
public final class M0002_index_total_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE UNIQUE INDEX IF NOT EXISTS ux_orders_total ON ONLY public.orders USING btree (id, total)"));
    }
}
