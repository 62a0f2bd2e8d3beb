package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A rollback that would undo keel's earlier steps. */
public final class M0002_rollback_work extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("/* give up */ ROLLBACK WORK"));
    }
}
