package dev.keel.spring.boot.forked.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The other branch's migration 0002, merged without a merge migration: the app has two leaves. */
public final class M0002_add_loan_returned_at extends Migration {
    @Override
    protected void define() {
        dependsOn("forked", "0001_initial");
        operations(
            addField("loan", "returnedAt", column("returned_at", "timestamp(6) with time zone").nullable()));
    }
}
