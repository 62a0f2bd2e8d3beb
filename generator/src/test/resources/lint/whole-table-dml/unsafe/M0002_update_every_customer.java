package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An UPDATE without WHERE in a deploy-time transaction. */
public final class M0002_update_every_customer extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET status = 'ACTIVE'"));
    }
}
