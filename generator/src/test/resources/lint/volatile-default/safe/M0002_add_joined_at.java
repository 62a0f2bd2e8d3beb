package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** now() is stable, not volatile: no rewrite. */
public final class M0002_add_joined_at extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "joinedAt", column("joined_at", "timestamp with time zone").defaultSql("now()")));
    }
}
