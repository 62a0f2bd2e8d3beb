package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An advisory lock keeps writers apart without locking the table. */
public final class M0002_advisory_lock extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("SELECT pg_advisory_xact_lock(42)"));
    }
}
