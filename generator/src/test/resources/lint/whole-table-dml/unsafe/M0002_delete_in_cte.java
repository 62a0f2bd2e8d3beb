package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A DELETE of every row inside a WITH query. */
public final class M0002_delete_in_cte extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("WITH gone AS (DELETE FROM wishlist RETURNING id) SELECT count(*) FROM gone"));
    }
}
