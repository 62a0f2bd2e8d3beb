package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The identity moved past the largest key in the same transaction. */
public final class M0002_identity_added_with_setval extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "id", column("id", "bigint").identity(Identity.BY_DEFAULT)),
                runSql("SELECT setval(pg_get_serial_sequence('customer', 'id'), GREATEST(COALESCE(max(id), 0), 1)) FROM customer", ""));
    }
}
