package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A volatile default in SQL. */
public final class M0002_add_seen_at_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp()"));
    }
}
