package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Raises numeric precision, same scale, in SQL: no rewrite. */
public final class M0002_widen_total_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN total SET DATA TYPE numeric(12, 2)"));
    }
}
