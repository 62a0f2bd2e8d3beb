package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Django's one-off default, as operations. */
public final class M0002_add_currency_then_drop_ops extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("order", "currency", column("currency", "varchar(3)").defaultSql("'EUR'")),
                alterField("order", "currency", column("currency", "varchar(3)")));
    }
}
