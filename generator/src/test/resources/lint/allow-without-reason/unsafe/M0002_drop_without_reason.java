// expect: allow-without-reason, drop-column
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An allow with no reason allows nothing. */
public final class M0002_drop_without_reason extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeField("customer", "legacyCode")); // keel:allow drop-column
    }
}
