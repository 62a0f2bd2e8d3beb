// expect: truncate, unreadable-sql
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** TRUNCATE hidden in a DO block: caught, and the DO block is unreadable too. */
public final class M0002_truncate_in_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DO $$ BEGIN IF (SELECT count(*) FROM orders) > 0 THEN TRUNCATE orders; END IF; END $$"));
    }
}
