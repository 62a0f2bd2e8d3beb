package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A SELECT ... FOR UPDATE and an INSERT ... ON CONFLICT DO UPDATE touch the rows they name. */
public final class M0002_row_locks_named extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("SELECT id FROM customer WHERE id = 1 FOR UPDATE"),
                runSql("INSERT INTO wishlist (id, customer_id, product) VALUES (1, 1, 'x') ON CONFLICT (id) DO UPDATE SET product = 'x'"));
    }
}
