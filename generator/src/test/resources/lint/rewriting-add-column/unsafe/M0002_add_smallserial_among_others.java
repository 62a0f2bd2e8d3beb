package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** smallserial among other actions of one ALTER TABLE. */
public final class M0002_add_smallserial_among_others extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE \"customer\" ADD COLUMN note text, ADD rank smallserial"));
    }
}
