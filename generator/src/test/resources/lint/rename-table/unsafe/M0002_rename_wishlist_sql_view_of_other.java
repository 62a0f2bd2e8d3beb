package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the table in SQL; the view under its old name selects from another table. */
public final class M0002_rename_wishlist_sql_view_of_other extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE wishlist RENAME TO wish_list; CREATE VIEW wishlist AS SELECT id, customer_id, product FROM orders"));
    }
}
