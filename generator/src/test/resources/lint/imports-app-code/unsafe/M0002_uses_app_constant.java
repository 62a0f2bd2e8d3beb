package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;
import static com.example.shop.Limits.MAX_NAME;

import static dev.keel.migration.Operations.*;

/** Imports a constant of the application. */
public final class M0002_uses_app_constant extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET status = 'NEW' WHERE status IS NULL"));
    }
}
