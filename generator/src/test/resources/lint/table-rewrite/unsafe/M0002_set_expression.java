package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Changes a stored generated column's expression (PostgreSQL 17): every row is recomputed. */
public final class M0002_set_expression extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN total_cents SET EXPRESSION AS (total * 100)"));
    }
}
