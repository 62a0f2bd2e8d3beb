package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The keys from a sequence for the running code too, moved past the largest key. */
public final class M0002_identity_dropped_with_default_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE SEQUENCE orders_seq INCREMENT BY 50; ALTER TABLE orders ALTER COLUMN id DROP IDENTITY, ALTER COLUMN id SET DEFAULT nextval('orders_seq'); SELECT setval('orders_seq', (SELECT max(id) FROM orders))"));
    }
}
