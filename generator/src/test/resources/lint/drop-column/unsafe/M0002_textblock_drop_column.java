package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_textblock_drop_column extends Migration {

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("""
                ALTER TABLE orders ADD COLUMN note text;
                ALTER TABLE orders
                    DROP COLUMN created_at;
                """));
    }
}
