package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A known rule name, with a reason. */
public final class M0002_index_allowed extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addIndex("order", index("ix_orders_created_at", "created_at"))); // keel:allow index-without-concurrently: orders is empty until launch
    }
}
