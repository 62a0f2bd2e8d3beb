package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Concurrently, outside a transaction. */
public final class M0002_drop_legacy_index_concurrently extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                removeIndex("customer", "ix_customer_legacy_code", true));
    }
}
