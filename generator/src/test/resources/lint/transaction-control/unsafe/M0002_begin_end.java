package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Its own transaction block inside keel's. */
public final class M0002_begin_end extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("begin; select 1; end"));
    }
}
