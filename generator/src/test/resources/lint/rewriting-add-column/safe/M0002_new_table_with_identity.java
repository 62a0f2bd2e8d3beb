package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Identity, serial and generated columns on a table this migration creates. */
public final class M0002_new_table_with_identity extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    CREATE TABLE invoice (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, net numeric(10, 2));
                    ALTER TABLE invoice ADD COLUMN seq serial, ADD COLUMN gross numeric(10, 2) GENERATED ALWAYS AS (net * 1.2) STORED;
                    """));
    }
}
