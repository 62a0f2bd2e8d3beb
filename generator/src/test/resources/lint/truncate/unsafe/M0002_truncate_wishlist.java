package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Empties a table the running code uses. */
public final class M0002_truncate_wishlist extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("TRUNCATE wishlist"));
    }
}
