package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Django's one-off default, in SQL. */
public final class M0002_add_currency_then_drop_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN currency varchar(3) DEFAULT 'EUR' NOT NULL; ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT"));
    }
}
