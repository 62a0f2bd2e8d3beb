package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: CREATE INDEX, which blocks writes for the whole build. */
public final class M0002_add_orders_created_at_index extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addIndex("order", index("ix_orders_created_at", "created_at")));
    }
}
