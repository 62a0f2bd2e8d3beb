package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A volatile default: a rewrite under lock. */
public final class M0002_add_token extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "token", column("token", "uuid").defaultSql("gen_random_uuid()")));
    }
}
