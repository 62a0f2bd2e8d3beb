package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A new column whose default only mentions the word unique: no index is built. */
public final class M0002_code_column_plain_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ADD COLUMN \"primary key note\" text DEFAULT 'unique per customer'"));
    }
}
