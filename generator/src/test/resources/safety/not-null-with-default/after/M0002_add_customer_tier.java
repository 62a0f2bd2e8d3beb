package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A NOT NULL column with a constant default: one ADD COLUMN, no rewrite since PostgreSQL 11. */
public final class M0002_add_customer_tier extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "tier", column("tier", "varchar(10)").defaultSql("'basic'")));
    }
}
