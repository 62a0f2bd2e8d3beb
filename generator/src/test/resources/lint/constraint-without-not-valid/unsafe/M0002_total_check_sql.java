package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A check scanned under lock, in SQL. */
public final class M0002_total_check_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)"));
    }
}
