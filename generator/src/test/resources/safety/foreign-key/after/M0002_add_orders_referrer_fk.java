package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The plain form: ADD CONSTRAINT FOREIGN KEY scans orders while blocking writes to both tables. */
public final class M0002_add_orders_referrer_fk extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addConstraint("order", foreignKey("fk_orders_referrer", "referrer_id").references("customer", "id")));
    }
}
