package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the column first, then the table behind a view: the rename is not behind the view (keel writes the view first). */
public final class M0002_rename_column_before_view extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                renameField("customer", "nickname", "displayName", "display_name"),
                alterModelTable("customer", "client"),
                createCompatibilityView("customer", "client", names("id", "email", "name", "status", "legacy_code", "display_name")));
    }
}
