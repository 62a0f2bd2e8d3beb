package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;
import com.example.shop.Customer;

import static dev.keel.migration.Operations.*;

/** Imports an entity class. */
public final class M0002_uses_entity extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET status = 'NEW' WHERE status IS NULL"));
    }
}
