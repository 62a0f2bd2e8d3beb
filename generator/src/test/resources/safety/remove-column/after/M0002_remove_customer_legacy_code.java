package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: the entity lost legacyCode, and a naive tool drops the column. */
public final class M0002_remove_customer_legacy_code extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeField("customer", "legacyCode"));
    }
}
