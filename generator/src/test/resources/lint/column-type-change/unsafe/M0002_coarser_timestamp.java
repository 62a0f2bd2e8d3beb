package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Rounds the timestamps to milliseconds: every row is rewritten. */
public final class M0002_coarser_timestamp extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("order", "createdAt", column("created_at", "timestamp(3) with time zone")));
    }
}
