package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Drops the numeric precision and spells the timestamp differently, in SQL: PostgreSQL changes neither in place. */
public final class M0002_unbounded_numeric_and_timestamp_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN total TYPE decimal, ALTER COLUMN created_at TYPE timestamptz"));
    }
}
