package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A field renamed in Java, its column kept with @Column(name = "nickname"): state only. */
public final class M0002_rename_customer_nickname extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                renameField("customer", "nickname", "displayName"));
    }
}
