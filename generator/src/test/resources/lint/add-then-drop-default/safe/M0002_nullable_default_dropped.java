package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A nullable column: the old code's inserts store NULL, and do not fail. */
public final class M0002_nullable_default_dropped extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ADD COLUMN note text DEFAULT 'none'; ALTER TABLE customer ALTER COLUMN note DROP DEFAULT"));
    }
}
