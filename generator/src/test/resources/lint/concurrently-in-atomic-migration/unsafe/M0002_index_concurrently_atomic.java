package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** CONCURRENTLY inside a transaction fails. */
public final class M0002_index_concurrently_atomic extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addIndex("order", index("ix_orders_created_at", "created_at"), true));
    }
}
