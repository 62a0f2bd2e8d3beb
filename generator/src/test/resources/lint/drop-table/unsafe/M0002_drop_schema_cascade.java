package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Drops a schema with everything in it. */
public final class M0002_drop_schema_cascade extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DROP SCHEMA IF EXISTS shop_archive CASCADE"));
    }
}
