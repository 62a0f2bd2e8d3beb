package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Makes a table with rows unlogged, then logged again. */
public final class M0002_set_logged extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE IF EXISTS public.orders SET UNLOGGED"),
                runSql("ALTER TABLE orders SET LOGGED"));
    }
}
