package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A stored generated column of a table this migration creates: nothing to rewrite. */
public final class M0002_new_model_with_generated_field extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                createModel("InvoiceLine", table("invoice_line").entity("InvoiceLine")
                        .field("id", column("id", "bigint"))
                        .field("net", column("net", "numeric(10,2)"))
                        .field("gross", column("gross", "numeric(12,2)").nullable().generated("net * 1.2"))
                        .primaryKey("id")));
    }
}
