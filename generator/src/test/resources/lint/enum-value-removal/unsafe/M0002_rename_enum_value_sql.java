package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Renames an enum value in place: no table is rewritten, but the code still running writes and reads the old value. */
public final class M0002_rename_enum_value_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TYPE order_state RENAME VALUE 'lost' TO 'missing'"));
    }
}
