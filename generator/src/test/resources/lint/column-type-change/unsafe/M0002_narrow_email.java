package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Narrows a varchar: PostgreSQL rewrites the table. */
public final class M0002_narrow_email extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "email", column("email", "varchar(50)")));
    }
}
