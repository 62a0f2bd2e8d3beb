package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The same in SQL. */
public final class M0002_identity_added_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"));
    }
}
