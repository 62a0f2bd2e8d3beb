package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A DELETE without WHERE, lower case and schema-qualified. */
public final class M0002_delete_every_wishlist_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("delete from public.wishlist"));
    }
}
