package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A check added to a domain NOT VALID; a column whose default mentions CHECK in a string. */
public final class M0002_domain_check_not_valid extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0) NOT VALID"),
                runSql("ALTER TABLE customer ADD COLUMN note text DEFAULT 'CHECK REFERENCES'"));
    }
}
