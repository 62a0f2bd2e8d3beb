package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Adds an enum value, used in a later migration. */
public final class M0002_enum_value_alone extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'shipped'"));
    }
}
