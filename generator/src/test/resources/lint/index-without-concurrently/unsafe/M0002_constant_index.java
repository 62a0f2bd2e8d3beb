package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_constant_index extends Migration {
    private static final String INDEX = "CREATE INDEX orders_total ON orders (total)";

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql(INDEX));
    }
}
