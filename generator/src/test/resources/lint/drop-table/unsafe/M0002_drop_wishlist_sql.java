package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Drops the table at once, in SQL. */
public final class M0002_drop_wishlist_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DROP TABLE IF EXISTS wishlist CASCADE"));
    }
}
