package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A non-atomic migration may run its own transactions. */
public final class M0002_commit_non_atomic extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                runSql("BEGIN; SELECT 1; COMMIT"));
    }
}
