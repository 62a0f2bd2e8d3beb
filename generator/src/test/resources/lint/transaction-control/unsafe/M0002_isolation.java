package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Changing the transaction's characteristics after keel opened it. */
public final class M0002_isolation extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
    }
}
