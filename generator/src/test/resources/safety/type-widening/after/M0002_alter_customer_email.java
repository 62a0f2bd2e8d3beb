package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Safe widenings: varchar(100) to varchar(200), numeric(10,2) to numeric(12,2); PostgreSQL does not rewrite. */
public final class M0002_alter_customer_email extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "email", column("email", "varchar(200)")),
                alterField("order", "total", column("total", "numeric(12,2)")));
    }
}
