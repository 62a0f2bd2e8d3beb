package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A widening written with a USING expression that computes: the table is rewritten. */
public final class M0002_widen_with_using_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ALTER COLUMN email TYPE text USING lower(email)"));
    }
}
