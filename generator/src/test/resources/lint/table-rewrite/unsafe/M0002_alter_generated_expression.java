// expect: rewriting-add-column, table-rewrite
package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A generated column added, then its expression changed by an operation, on a table with rows. */
public final class M0002_alter_generated_expression extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "emailKey", column("email_key", "varchar(100)").nullable().generated("lower(email)")),
                alterField("customer", "emailKey", column("email_key", "varchar(100)").nullable().generated("upper(email)")));
    }
}
