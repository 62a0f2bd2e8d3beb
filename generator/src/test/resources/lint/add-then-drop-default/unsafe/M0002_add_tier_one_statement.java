package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** In one ALTER TABLE, lower case, schema-qualified. */
public final class M0002_add_tier_one_statement extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("alter table public.\"customer\" add column tier text not null default 'basic', alter column tier drop default"));
    }
}
