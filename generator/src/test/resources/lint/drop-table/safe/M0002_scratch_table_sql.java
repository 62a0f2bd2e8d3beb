package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A table made and dropped in the same migration holds nothing. */
public final class M0002_scratch_table_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE scratch (id bigint); DROP TABLE scratch"));
    }
}
