package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Makes a domain NOT NULL: every column of it is scanned. */
public final class M0002_domain_set_not_null extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER DOMAIN shop.positive_amount SET NOT NULL"));
    }
}
