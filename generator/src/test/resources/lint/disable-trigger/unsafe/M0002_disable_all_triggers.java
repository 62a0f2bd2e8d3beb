package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Disables every trigger, the foreign key checks too, around a backfill. */
public final class M0002_disable_all_triggers extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("alter table \"orders\" disable trigger all"),
                runSql("alter table \"orders\" enable trigger all"));
    }
}
