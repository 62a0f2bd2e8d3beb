package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_function_ddl_text extends Migration {

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("""
                CREATE OR REPLACE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  NEW.note := 'ALTER TABLE orders DROP COLUMN note';
                  RETURN NEW;
                END
                $fn$;
                """));
    }
}
