package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_reverse_drop_is_not_run extends Migration {

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("ALTER TABLE orders ADD COLUMN note text", "ALTER TABLE orders DROP COLUMN note"));
    }
}
