package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An UPDATE that names its rows. */
public final class M0002_update_one_customer extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET status = 'ACTIVE' WHERE id = 42; DELETE FROM wishlist WHERE customer_id = 42"));
    }
}
