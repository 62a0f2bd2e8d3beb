// expect: allow-unknown-rule, drop-column
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A misspelt rule name allows nothing. */
public final class M0002_drop_misspelt extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeField("customer", "legacyCode")); // keel:allow drop-colum: never used
    }
}
