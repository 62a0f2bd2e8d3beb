package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A stored generated column as an operation, on a table with rows. */
public final class M0002_add_generated_field extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "emailKey", column("email_key", "varchar(100)").nullable().generated("lower(email)")));
    }
}
