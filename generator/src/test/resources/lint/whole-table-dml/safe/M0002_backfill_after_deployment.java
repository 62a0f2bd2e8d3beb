package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A whole-table backfill, non-atomic and after deployment. */
public final class M0002_backfill_after_deployment extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        postDeployment();
        operations(
                runSql("UPDATE customer SET nickname = name"));
    }
}
