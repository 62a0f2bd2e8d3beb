package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** CLUSTER rewrites the table under lock. */
public final class M0002_cluster extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CLUSTER orders USING orders_pkey"));
    }
}
