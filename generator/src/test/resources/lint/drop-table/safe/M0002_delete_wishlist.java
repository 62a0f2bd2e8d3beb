package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Two phases: the foreign key, then pending. */
public final class M0002_delete_wishlist extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeConstraint("wishlist", "fk_wishlist_customer"),
                safeDeleteModel("wishlist", DeletionAction.MOVE_TO_PENDING));
    }
}
