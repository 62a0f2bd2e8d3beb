package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A prepared statement run with EXECUTE. */
public final class M0002_prepared_execute extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("PREPARE bump(bigint) AS UPDATE orders SET total = total + 1 WHERE id = $1; EXECUTE bump(1)"));
    }
}
