package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: ADD CONSTRAINT CHECK scans orders while blocking writes. */
public final class M0002_add_orders_total_check extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addConstraint("order", check("orders_total_check", "total >= 0")));
    }
}
