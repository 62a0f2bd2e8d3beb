package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Drops a sequence the running code draws ids from. */
public final class M0002_drop_sequence_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DROP SEQUENCE IF EXISTS customer_id_seq"));
    }
}
