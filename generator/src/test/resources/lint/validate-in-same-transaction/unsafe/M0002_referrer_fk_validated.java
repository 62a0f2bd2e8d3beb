package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Validated under the lock the ADD took. */
public final class M0002_referrer_fk_validated extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addConstraint("order", foreignKey("fk_orders_referrer", "referrer_id").references("customer", "id").notValid()),
                validateConstraint("order", "fk_orders_referrer"));
    }
}
