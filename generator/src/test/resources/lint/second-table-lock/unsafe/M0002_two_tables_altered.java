package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Alters orders, then customer, in one transaction: orders stays locked while customer's lock is awaited. */
public final class M0002_two_tables_altered extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ADD COLUMN note text"),
                runSql("ALTER TABLE public.customer ADD COLUMN note text"));
    }
}
