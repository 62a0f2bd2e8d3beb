package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A table this migration creates, made unlogged. */
public final class M0002_unlogged_new_table extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE import_batch (id bigint PRIMARY KEY)"),
                runSql("ALTER TABLE import_batch SET UNLOGGED"));
    }
}
