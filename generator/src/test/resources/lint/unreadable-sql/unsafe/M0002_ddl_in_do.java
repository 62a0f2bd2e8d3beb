package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A schema change inside a DO block. */
public final class M0002_ddl_in_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DO $$ BEGIN ALTER TABLE customer ADD COLUMN score integer; END $$"));
    }
}
