package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Drops a sequence of another schema, with CASCADE. */
public final class M0002_drop_sequence_qualified extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DROP SEQUENCE billing.\"Invoice_Seq\" CASCADE"));
    }
}
