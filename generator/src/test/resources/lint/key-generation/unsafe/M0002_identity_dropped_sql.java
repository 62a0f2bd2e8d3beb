package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The orders' keys stop coming from their identity: the running code inserts without one. */
public final class M0002_identity_dropped_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ALTER COLUMN id DROP IDENTITY"));
    }
}
