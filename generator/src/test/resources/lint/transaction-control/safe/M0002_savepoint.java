package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Savepoints stay inside keel's transaction. */
public final class M0002_savepoint extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("SAVEPOINT before_probe; SELECT 1; ROLLBACK TO SAVEPOINT before_probe; RELEASE SAVEPOINT before_probe"));
    }
}
