package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An explicit lock held to the end of the migration. */
public final class M0002_lock_orders extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"));
    }
}
