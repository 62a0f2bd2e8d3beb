package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The default stays, as keel writes it for a value typed at its prompt. */
public final class M0002_add_currency_kept extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("order", "currency", column("currency", "varchar(3)").defaultSql("'EUR'").keepDefault()),
                runSql("ALTER TABLE orders ADD COLUMN tier text DEFAULT 'basic' NOT NULL"));
    }
}
