package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** IS NOT NULL on a NOT NULL column holds for every row. */
public final class M0002_update_where_email_not_null extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET email = lower(email) WHERE email IS NOT NULL"));
    }
}
