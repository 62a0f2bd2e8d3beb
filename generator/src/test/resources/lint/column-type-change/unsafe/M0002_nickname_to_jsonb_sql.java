package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Changes the type in SQL with a conversion: the table is rewritten. */
public final class M0002_nickname_to_jsonb_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ALTER nickname SET DATA TYPE jsonb USING to_jsonb(nickname)"));
    }
}
