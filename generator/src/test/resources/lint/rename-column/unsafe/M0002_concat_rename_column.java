package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_concat_rename_column extends Migration {

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("ALTER TABLE orders " + "RENAME COLUMN total " + "TO amount"));
    }
}
