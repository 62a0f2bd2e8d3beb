package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An UPDATE of every row inside a DO block. */
public final class M0002_update_in_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DO $$ BEGIN UPDATE customer SET nickname = name; END $$"));
    }
}
