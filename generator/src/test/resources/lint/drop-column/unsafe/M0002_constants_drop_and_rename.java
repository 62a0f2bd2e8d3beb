// expect: drop-column, rename-column
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_constants_drop_and_rename extends Migration {
    private static final String DROP = "ALTER TABLE orders DROP COLUMN created_at;";
    private static final String RENAME = "ALTER TABLE orders RENAME COLUMN total TO amount;";

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql(DROP + "\n" + RENAME));
    }
}
