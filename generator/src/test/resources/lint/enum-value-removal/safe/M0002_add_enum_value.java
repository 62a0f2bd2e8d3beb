package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Adds an enum value at the end: a short lock on the type, nothing the running code reads goes away. */
public final class M0002_add_enum_value extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'missing'"));
    }
}
