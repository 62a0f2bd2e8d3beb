package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the field only; the column keeps its name. */
public final class M0002_rename_nickname_field extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                renameField("customer", "nickname", "displayName"));
    }
}
