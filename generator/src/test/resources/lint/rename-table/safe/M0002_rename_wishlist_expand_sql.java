package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Renames the table in SQL, keeping the old name as a view over it in the same migration. */
public final class M0002_rename_wishlist_expand_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE public.wishlist RENAME TO wish_list;"
                        + " CREATE VIEW public.wishlist AS SELECT id, customer_id, product FROM public.wish_list",
                        "DROP VIEW public.wishlist; ALTER TABLE public.wish_list RENAME TO wishlist"));
    }
}
