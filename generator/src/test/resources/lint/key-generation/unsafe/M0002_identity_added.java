package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The keys become an identity, which starts at 1 below the customers' keys. */
public final class M0002_identity_added extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                alterField("customer", "id", column("id", "bigint").identity(Identity.BY_DEFAULT)));
    }
}
