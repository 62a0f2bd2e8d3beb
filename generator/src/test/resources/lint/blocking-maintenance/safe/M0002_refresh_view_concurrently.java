package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Refreshes a materialized view without blocking its readers. */
public final class M0002_refresh_view_concurrently extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals"));
    }
}
