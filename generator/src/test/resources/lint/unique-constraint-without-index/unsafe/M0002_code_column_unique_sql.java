package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A new column with an inline key: its index is built under the ALTER TABLE lock. */
public final class M0002_code_column_unique_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ADD COLUMN IF NOT EXISTS loyalty_code varchar(20) CONSTRAINT uk_customer_loyalty UNIQUE"));
    }
}
