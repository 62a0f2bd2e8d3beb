package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: ADD CONSTRAINT UNIQUE builds its index under a lock that blocks writes. */
public final class M0002_add_customer_email_unique extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addConstraint("customer", unique("uk_customer_email", "email").deferrable()));
    }
}
