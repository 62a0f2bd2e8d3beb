package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** REINDEX CONCURRENTLY, outside a transaction. */
public final class M0002_reindex_concurrently extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                runSql("REINDEX INDEX CONCURRENTLY ix_customer_legacy_code"));
    }
}
