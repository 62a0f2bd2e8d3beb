package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An exclusion constraint on a table with rows. */
public final class M0002_exclude extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD CONSTRAINT ex_orders_one_per_customer EXCLUDE USING btree (customer_id WITH =)"));
    }
}
