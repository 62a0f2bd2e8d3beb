package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Turns a generated column into a plain one: no rewrite. */
public final class M0002_drop_expression extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN total_cents DROP EXPRESSION"));
    }
}
