package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** SQL sent over dblink. */
public final class M0002_dblink_exec extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("SELECT dblink_exec('dbname=shop', 'ALTER TABLE orders DROP COLUMN total')"));
    }
}
