package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** varchar(100) to text, with a USING that only casts: in place. */
public final class M0002_email_to_text_sql extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("ALTER TABLE customer ALTER COLUMN email TYPE text USING email::text"));
    }
}
