package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Moves an index to another tablespace: copied under an exclusive lock. */
public final class M0002_index_set_tablespace extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER INDEX ix_customer_legacy_code SET TABLESPACE fast_disk"));
    }
}
