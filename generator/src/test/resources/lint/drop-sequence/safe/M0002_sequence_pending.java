package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** The first phase of a sequence removal. */
public final class M0002_sequence_pending extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                createSequence(sequence("gift_seq")),
                safeDeleteSequence("gift_seq", DeletionAction.MOVE_TO_PENDING));
    }
}
