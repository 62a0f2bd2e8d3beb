// expect: add-then-drop-default, set-not-null
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** SET DEFAULT NULL, then NOT NULL in a later statement. */
public final class M0002_add_qty_default_null_then_not_null extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    ALTER TABLE wishlist ADD COLUMN qty integer DEFAULT 1;
                    ALTER TABLE wishlist ALTER COLUMN qty SET DEFAULT NULL;
                    ALTER TABLE wishlist ALTER COLUMN qty SET NOT NULL;
                    """));
    }
}
