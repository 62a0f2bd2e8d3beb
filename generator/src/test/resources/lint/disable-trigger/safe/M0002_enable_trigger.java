package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Enables a trigger: a brief lock, nothing skipped. */
public final class M0002_enable_trigger extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ENABLE TRIGGER orders_audit"));
    }
}
