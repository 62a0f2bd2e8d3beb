package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Drops a schema only when it is empty (RESTRICT is the default). */
public final class M0002_drop_empty_schema extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DROP SCHEMA IF EXISTS shop_archive"));
    }
}
