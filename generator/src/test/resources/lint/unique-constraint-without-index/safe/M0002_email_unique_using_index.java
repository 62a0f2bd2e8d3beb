package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A unique index built concurrently, then attached. */
public final class M0002_email_unique_using_index extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                addIndex("customer", index("uk_customer_email", "email").unique(), true),
                addConstraintUsingIndex("customer", unique("uk_customer_email", "email"), "uk_customer_email"));
    }
}
