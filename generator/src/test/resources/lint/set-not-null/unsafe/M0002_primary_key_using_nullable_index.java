package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A unique index built concurrently over a nullable column, then made the primary key: its column is set NOT NULL. */
public final class M0002_primary_key_using_nullable_index extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                addIndex("customer", index("ux_customer_name", "name").unique(), true),
                runSql("ALTER TABLE customer DROP CONSTRAINT customer_pkey, ADD CONSTRAINT customer_name_pkey PRIMARY KEY USING INDEX ux_customer_name"));
    }
}
