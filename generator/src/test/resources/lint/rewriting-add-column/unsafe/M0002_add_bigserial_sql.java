package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** bigserial, lower case, schema-qualified, IF NOT EXISTS, with a comment. */
public final class M0002_add_bigserial_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    -- a running number for the invoices
                    alter table if exists public.orders
                      add column if not exists number BIGSERIAL;
                    """));
    }
}
