package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Adds an enum value and makes it a default in the same transaction: PostgreSQL refuses it. */
public final class M0002_enum_value_as_default extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid'"),
                runSql("ALTER TABLE orders ALTER COLUMN state SET DEFAULT 'shipped'"));
    }
}
