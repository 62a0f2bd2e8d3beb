package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The wishlist table renamed wish_list (@Table(name = "wish_list") on the entity), in one step. */
public final class M0002_rename_wishlist extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterModelTable("wishlist", "wish_list"));
    }
}
