package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames a column of customer after renaming wishlist behind a view: customer has no view. */
public final class M0002_rename_column_view_of_other_table extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterModelTable("wishlist", "wish_list"),
                createCompatibilityView("wishlist", "wish_list", names("id", "customer_id", "product")),
                renameField("customer", "nickname", "displayName", "display_name"));
    }
}
