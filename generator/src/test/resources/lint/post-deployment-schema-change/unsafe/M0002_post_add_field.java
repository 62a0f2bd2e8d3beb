package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A schema change after deployment. */
public final class M0002_post_add_field extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        postDeployment();
        operations(
                addField("customer", "score", column("score", "integer").nullable()));
    }
}
