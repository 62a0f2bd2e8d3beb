package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An allow with a reason lets the drop through. */
public final class M0002_drop_with_reason extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                // keel:allow drop-column: legacy_code was never read or written by any release
                removeField("customer", "legacyCode"));
    }
}
