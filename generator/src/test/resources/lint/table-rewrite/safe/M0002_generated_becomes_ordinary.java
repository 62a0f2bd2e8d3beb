package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A generated column of a new table; later its expression is dropped (DROP EXPRESSION keeps the values, no rewrite). */
public final class M0002_generated_becomes_ordinary extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                createModel("InvoiceLine", table("invoice_line").entity("InvoiceLine")
                        .field("id", column("id", "bigint"))
                        .field("net", column("net", "numeric(10,2)"))
                        .field("gross", column("gross", "numeric(12,2)").nullable().generated("net * 1.2"))
                        .primaryKey("id")),
                alterField("InvoiceLine", "gross", column("gross", "numeric(12,2)").nullable()));
    }
}
