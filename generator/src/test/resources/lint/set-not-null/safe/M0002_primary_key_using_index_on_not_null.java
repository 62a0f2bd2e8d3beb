package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A unique index built concurrently over a NOT NULL column, then made the primary key: nothing to scan. */
public final class M0002_primary_key_using_index_on_not_null extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                addIndex("customer", index("ux_customer_legacy_code", "legacy_code").unique(), true),
                runSql("ALTER TABLE customer DROP CONSTRAINT customer_pkey, ADD CONSTRAINT customer_code_pkey PRIMARY KEY USING INDEX ux_customer_legacy_code"));
    }
}
