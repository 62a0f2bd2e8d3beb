package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** An enum constant added: a naive tool drops the check and adds the wider one, scanning under lock. */
public final class M0002_alter_customer_status_check extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                removeConstraint("customer", "customer_status_check"),
                addConstraint("customer", check("customer_status_check", "status IN ('NEW', 'ACTIVE', 'CLOSED')")));
    }
}
