package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A WHERE that limits nothing, with an alias, after another statement. */
public final class M0002_update_where_one_is_one extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    SET LOCAL work_mem = '64MB';
                    UPDATE ONLY orders AS o
                       SET total = o.total * 1.1
                     WHERE (1 = 1);
                    """));
    }
}
