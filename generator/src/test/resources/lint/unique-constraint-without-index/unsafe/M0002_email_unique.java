package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** ADD CONSTRAINT UNIQUE builds its index under lock. */
public final class M0002_email_unique extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addConstraint("customer", unique("uk_customer_email", "email")));
    }
}
