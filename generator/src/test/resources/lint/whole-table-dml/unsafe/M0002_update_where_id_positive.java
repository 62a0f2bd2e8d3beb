package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** id > 0 on the primary key, or-ed with more. */
public final class M0002_update_where_id_positive extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE \"orders\" SET total = 0 WHERE id > 0 OR total IS NULL RETURNING id"));
    }
}
