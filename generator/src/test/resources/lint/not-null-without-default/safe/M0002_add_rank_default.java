package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A NOT NULL column with a constant default. */
public final class M0002_add_rank_default extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "rank", column("rank", "integer").defaultSql("0")));
    }
}
