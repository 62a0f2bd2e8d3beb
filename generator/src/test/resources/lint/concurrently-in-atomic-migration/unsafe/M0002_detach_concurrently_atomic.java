package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** DETACH PARTITION CONCURRENTLY in a transaction. */
public final class M0002_detach_concurrently_atomic extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders DETACH PARTITION orders_2019 CONCURRENTLY"));
    }
}
