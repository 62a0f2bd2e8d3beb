package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An index build and a backfill after deployment. */
public final class M0002_post_index_and_backfill extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        postDeployment();
        operations(
                addIndex("order", index("ix_orders_created_at", "created_at"), true),
                runSql("UPDATE customer SET nickname = name WHERE nickname IS NULL"));
    }
}
