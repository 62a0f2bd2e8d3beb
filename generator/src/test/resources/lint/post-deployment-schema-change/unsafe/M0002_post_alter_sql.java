package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A schema change after deployment, in SQL. */
public final class M0002_post_alter_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        postDeployment();
        operations(
                runSql("ALTER TABLE customer ADD COLUMN score integer"));
    }
}
