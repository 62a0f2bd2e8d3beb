package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A function definition: its body runs only when called. */
public final class M0002_trigger_function extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.nickname := coalesce(NEW.nickname, NEW.name); RETURN NEW; END $$"));
    }
}
