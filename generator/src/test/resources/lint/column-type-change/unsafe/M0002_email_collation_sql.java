package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Changes a column's collation: its indexes are rebuilt under the lock. */
public final class M0002_email_collation_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ALTER COLUMN email TYPE varchar(100) COLLATE \"C\""));
    }
}
