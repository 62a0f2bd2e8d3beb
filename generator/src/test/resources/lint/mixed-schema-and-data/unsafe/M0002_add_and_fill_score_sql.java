// expect: mixed-schema-and-data, whole-table-dml
package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** The same in one SQL text. */
public final class M0002_add_and_fill_score_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ADD COLUMN score integer; UPDATE customer SET score = 0"));
    }
}
