package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** The same in SQL. */
public final class M0002_name_not_null_via_check_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                runSql("""
                        ALTER TABLE customer ADD CONSTRAINT customer_name_not_null CHECK (name IS NOT NULL) NOT VALID;
                        ALTER TABLE customer VALIDATE CONSTRAINT customer_name_not_null;
                        ALTER TABLE customer ALTER COLUMN name SET NOT NULL;
                        ALTER TABLE customer DROP CONSTRAINT customer_name_not_null;
                        """));
    }
}
