package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the model only; the table keeps its name. */
public final class M0002_rename_wishlist_model extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                renameModel("wishlist", "wish"));
    }
}
