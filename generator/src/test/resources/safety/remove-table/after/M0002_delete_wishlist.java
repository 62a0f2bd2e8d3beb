package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: the Wishlist entity is gone, and a naive tool drops its table. */
public final class M0002_delete_wishlist extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeConstraint("wishlist", "fk_wishlist_customer"),
                deleteModel("wishlist"));
    }
}
