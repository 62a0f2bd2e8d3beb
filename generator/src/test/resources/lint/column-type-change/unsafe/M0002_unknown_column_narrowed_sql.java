package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A column lint cannot see the type of, to a bounded varchar: may be a rewrite, and is reported. */
public final class M0002_unknown_column_narrowed_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE audit.entries ALTER COLUMN message TYPE varchar(200)"));
    }
}
