// expect: mixed-schema-and-data, whole-table-dml
package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A column and its backfill in one transaction. */
public final class M0002_add_and_fill_score extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "score", column("score", "integer").nullable()),
                runSql("UPDATE customer SET score = 0"));
    }
}
