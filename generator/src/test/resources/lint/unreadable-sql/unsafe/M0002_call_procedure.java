package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A procedure, whose body lint cannot see. */
public final class M0002_call_procedure extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CALL archive_orders(2023)"));
    }
}
