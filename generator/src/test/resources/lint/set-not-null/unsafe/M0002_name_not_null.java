package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** SET NOT NULL with a scan under lock. */
public final class M0002_name_not_null extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "name", column("name", "varchar(100)")));
    }
}
