package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Attaches an existing table as a partition: scanned under an exclusive lock. */
public final class M0002_attach extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE orders ATTACH PARTITION orders_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')"));
    }
}
