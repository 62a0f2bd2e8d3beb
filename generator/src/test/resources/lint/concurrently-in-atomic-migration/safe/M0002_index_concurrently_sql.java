package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** CONCURRENTLY outside a transaction. */
public final class M0002_index_concurrently_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                runSql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_total ON orders (total)"));
    }
}
