package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Disables a trigger on a busy table: writes skip it, or wait for the migration. */
public final class M0002_disable_audit_trigger extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE public.orders DISABLE TRIGGER orders_audit"));
    }
}
