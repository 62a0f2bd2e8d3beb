package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A serial column on a table with rows. */
public final class M0002_add_serial extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ADD COLUMN seq serial"));
    }
}
