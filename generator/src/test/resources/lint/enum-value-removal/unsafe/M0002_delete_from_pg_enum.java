package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Takes an enum value out by deleting its catalog row: the rows that hold it can no longer be read. */
public final class M0002_delete_from_pg_enum extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DELETE FROM pg_catalog.pg_enum WHERE enumlabel = 'lost'"
                        + " AND enumtypid = 'order_state'::regtype"));
    }
}
