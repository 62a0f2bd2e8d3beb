package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Through a validated check, each step in its own transaction. */
public final class M0002_name_not_null_via_check extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        operations(
                addConstraint("customer", check("customer_name_not_null", "name IS NOT NULL").notValid()),
                validateConstraint("customer", "customer_name_not_null"),
                alterField("customer", "name", column("name", "varchar(100)")),
                removeConstraint("customer", "customer_name_not_null"));
    }
}
