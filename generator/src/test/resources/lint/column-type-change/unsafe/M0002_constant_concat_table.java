package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_constant_concat_table extends Migration {
    private static final String TABLE = "orders";

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("ALTER TABLE " + TABLE + " ALTER COLUMN total TYPE numeric(8,2)"));
    }
}
