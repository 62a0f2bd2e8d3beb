package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** A sequence this migration creates and drops again. */
public final class M0002_scratch_sequence extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                createSequence(sequence("scratch_seq")),
                runSql("SELECT nextval('scratch_seq')"),
                deleteSequence("scratch_seq"),
                runSql("CREATE SEQUENCE tmp_seq; DROP SEQUENCE tmp_seq"));
    }
}
