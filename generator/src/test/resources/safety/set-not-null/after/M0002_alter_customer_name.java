package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: SET NOT NULL scans customer under an exclusive lock. */
public final class M0002_alter_customer_name extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "name", column("name", "varchar(100)")));
    }
}
