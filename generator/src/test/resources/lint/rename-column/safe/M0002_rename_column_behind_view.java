package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames a column of a table renamed behind a view in the same migration: the old code reads it through the view. */
public final class M0002_rename_column_behind_view extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterModelTable("customer", "client"),
                createCompatibilityView("customer", "client", names("id", "email", "name", "status", "legacy_code", "nickname")),
                renameField("customer", "nickname", "displayName", "display_name"));
    }
}
