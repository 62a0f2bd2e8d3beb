package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;
import java.util.List;
import dev.keel.operations.RunSql;

import static dev.keel.migration.Operations.*;

/** Imports keel and the JDK only. */
public final class M0002_uses_keel_only extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("UPDATE customer SET status = 'NEW' WHERE status IS NULL"));
    }
}
