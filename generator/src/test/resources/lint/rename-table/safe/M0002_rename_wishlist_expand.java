package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the table as keel writes it: the old name stays a view over the renamed table until the contract. */
public final class M0002_rename_wishlist_expand extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterModelTable("wishlist", "wish_list"),
                createCompatibilityView("wishlist", "wish_list", names("id", "customer_id", "product")));
    }
}
