package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A column of a table made by other SQL, to text: lint cannot see its type, and to text is in place from any varchar. */
public final class M0002_unknown_column_to_text_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE audit.entries ALTER COLUMN message TYPE text"));
    }
}
