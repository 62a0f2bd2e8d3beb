package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A column whose default differs per row: a naive ADD COLUMN rewrites the table under lock. */
public final class M0002_add_customer_token extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "token", column("token", "uuid").defaultSql("gen_random_uuid()")));
    }
}
