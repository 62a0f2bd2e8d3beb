package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the table with a view under another name: the old name is gone for the running code. */
public final class M0002_rename_wishlist_view_elsewhere extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterModelTable("wishlist", "wish_list"),
                createCompatibilityView("wishes", "wish_list", names("id", "customer_id", "product")));
    }
}
