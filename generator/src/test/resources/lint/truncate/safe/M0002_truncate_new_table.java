package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A table this migration creates holds no rows of the running code. */
public final class M0002_truncate_new_table extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE import_batch (id bigint PRIMARY KEY, payload text); TRUNCATE import_batch"));
    }
}
