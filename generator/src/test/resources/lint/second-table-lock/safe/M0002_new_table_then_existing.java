package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A new table and one existing table altered: nobody else can hold the new one. */
public final class M0002_new_table_then_existing extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE tag (id bigint PRIMARY KEY, name text)"),
                runSql("ALTER TABLE tag ADD COLUMN note text"),
                runSql("ALTER TABLE orders ADD COLUMN tag_id bigint"));
    }
}
