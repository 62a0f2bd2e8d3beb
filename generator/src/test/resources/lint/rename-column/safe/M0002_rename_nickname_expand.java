package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the column as keel writes it: a new column kept in step by a trigger, the old one pending. */
public final class M0002_rename_nickname_expand extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                safeRemoveField("customer", "nickname", DeletionAction.MOVE_TO_PENDING),
                addField("customer", "displayName", column("display_name", "text").nullable()),
                addColumnSync("customer", "nickname", "display_name", "nickname", "display_name"));
    }
}
