package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An identity column. */
public final class M0002_add_identity_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE wishlist ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY"));
    }
}
