package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** An exclusion constraint on a table this migration creates. */
public final class M0002_exclude_on_new_table extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE TABLE booking (id bigint PRIMARY KEY, room int NOT NULL)"),
                runSql("ALTER TABLE booking ADD CONSTRAINT ex_booking_room EXCLUDE USING btree (room WITH =)"));
    }
}
