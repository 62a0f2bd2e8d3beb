package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A commit in the middle of an atomic migration. */
public final class M0002_commit_midway extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET email = lower(email) WHERE id < 1000; COMMIT; UPDATE customer SET email = lower(email) WHERE id >= 1000 AND id < 2000"));
    }
}
