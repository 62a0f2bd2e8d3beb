package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** An identity column as an operation. */
public final class M0002_add_identity_field extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("wishlist", "position", column("position", "bigint").identity(Identity.BY_DEFAULT)));
    }
}
