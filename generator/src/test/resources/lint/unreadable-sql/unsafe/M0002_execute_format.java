package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Dynamic SQL built with format() and run with EXECUTE. */
public final class M0002_execute_format extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    DO $$
                    DECLARE t text;
                    BEGIN
                      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                        EXECUTE format('ALTER TABLE %I SET (fillfactor = 90)', t);
                      END LOOP;
                    END $$
                    """));
    }
}
