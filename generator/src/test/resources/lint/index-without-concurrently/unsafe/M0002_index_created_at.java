package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** CREATE INDEX on a table with rows. */
public final class M0002_index_created_at extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addIndex("order", index("ix_orders_created_at", "created_at")));
    }
}
