package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** The first phase only. */
public final class M0002_remove_legacy_code_first extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "legacyCode", column("legacy_code", "varchar(20)").nullable()),
                safeRemoveField("customer", "legacyCode", DeletionAction.MOVE_TO_PENDING));
    }
}
