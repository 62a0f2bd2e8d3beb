package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A DO block that only updates rows in batches, after deployment (as keel writes backfills). */
public final class M0002_batched_backfill_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        postDeployment();
        operations(
                runSql("""
                    DO $$
                    DECLARE batch integer;
                    BEGIN
                      LOOP
                        UPDATE customer SET nickname = name
                         WHERE ctid IN (SELECT ctid FROM customer WHERE nickname IS NULL LIMIT 10000);
                        GET DIAGNOSTICS batch = ROW_COUNT;
                        EXIT WHEN batch = 0;
                        COMMIT;
                      END LOOP;
                    END $$"""));
    }
}
