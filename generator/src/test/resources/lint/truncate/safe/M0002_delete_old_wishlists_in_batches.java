package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Deletes the rows that must go, in batches, after deployment; the word TRUNCATE only in a comment and a string. */
public final class M0002_delete_old_wishlists_in_batches extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        atomic(false);
        postDeployment();
        operations(
                runSql("""
                    -- not TRUNCATE: the running code still reads this table
                    DO $$
                    DECLARE batch integer;
                    BEGIN
                      LOOP
                        DELETE FROM wishlist WHERE id IN (SELECT id FROM wishlist WHERE product = 'TRUNCATE me' LIMIT 10000);
                        GET DIAGNOSTICS batch = ROW_COUNT;
                        EXIT WHEN batch = 0;
                        COMMIT;
                      END LOOP;
                    END $$
                    """));
    }
}
