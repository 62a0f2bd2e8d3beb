package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the column too. */
public final class M0002_rename_nickname extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                renameField("customer", "nickname", "displayName", "display_name"));
    }
}
