package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A DO block in another language. */
public final class M0002_plpython_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("DO LANGUAGE plpython3u $$ plpy.execute('ALTER TABLE customer DROP COLUMN nickname') $$"));
    }
}
