package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Changes numeric to bigint in SQL. */
public final class M0002_total_to_bigint_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN total TYPE bigint USING total::bigint"));
    }
}
