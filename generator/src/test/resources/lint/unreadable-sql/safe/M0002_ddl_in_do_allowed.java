package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Read and allowed, with a reason. */
public final class M0002_ddl_in_do_allowed extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                // keel:allow unreadable-sql: adds a nullable column only, the statement any reader can see below
                runSql("DO $$ BEGIN ALTER TABLE customer ADD COLUMN IF NOT EXISTS score integer; END $$"));
    }
}
