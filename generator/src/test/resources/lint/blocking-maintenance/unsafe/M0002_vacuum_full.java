package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** VACUUM FULL rewrites the table under lock. */
public final class M0002_vacuum_full extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                runSql("VACUUM (FULL, ANALYZE) orders"));
    }
}
