package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Attaches a partition created in the same migration: empty, nothing to scan. */
public final class M0002_attach_new_table extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE orders_2022 (LIKE orders)"),
                runSql("ALTER TABLE orders ATTACH PARTITION orders_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')"));
    }
}
