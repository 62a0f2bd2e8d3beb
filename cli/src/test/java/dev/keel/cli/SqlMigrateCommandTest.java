package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel sqlmigrate}: no database connection, even when keel.json names one that does not exist. */
class SqlMigrateCommandTest {
    static final String NL = System.lineSeparator();

    @TempDir Path dir;
    String c;

    @BeforeEach
    void project() throws Exception {
        SampleProject.copy("blog", dir);
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replace("\"apps\"",
                "\"database\": {\"url\": \"jdbc:postgresql://no-such-host.invalid:1/blog\", \"lockTimeout\": \"500ms\"},\n  \"apps\""));
        c = dir.toString();
    }

    @Test
    void printsAnAtomicMigrationInOneTransaction() {
        KeelRun r = run(MigrationSource.standard(), "-C", c, "sqlmigrate", "blog", "0002");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith(String.join(NL, "SET lock_timeout = '500ms';", "SET statement_timeout = '5s';", "BEGIN;",
                "-- Add field slug to post", "ALTER TABLE post ADD COLUMN slug varchar(200);", "COMMIT;") + NL), r.out());
        assertEquals("", r.err());
        assertTrue(!Files.exists(dir.resolve(".keel/pg")), "no embedded database either");
    }

    @Test
    void marksTheStatementsOfANonAtomicMigration() {
        KeelRun r = run(MigrationSource.standard(), "-C", c, "sqlmigrate", "blog", "0003_idx_post_created_at");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("-- NOT atomic: each statement commits on its own."), r.out());
        assertTrue(r.out().contains("-- [non-atomic step 1 of 1: commits on its own] Create index idx_post_created_at"), r.out());
        assertTrue(!r.out().contains("BEGIN;"), r.out());
    }

    @Test
    void backwards() {
        KeelRun r = run(MigrationSource.standard(), "-C", c, "sqlmigrate", "--backwards", "blog", "0001");
        assertEquals(0, r.exit(), r.err());
        // dropping post_tags drops its foreign keys, which locks post and tag too: keel takes them without waiting
        assertTrue(r.out().contains("BEGIN;" + NL + "-- undo Create model post_tags (table post_tags)" + NL
                + "LOCK TABLE post_tags IN ACCESS EXCLUSIVE MODE;" + NL
                + "-- NOWAIT: the transaction holds a lock that blocks the readers or writers of post_tags; keel does not wait for"
                + " post, tag while holding it: if one is busy, the transaction rolls back at once and keel tries again after a backoff." + NL
                + "LOCK TABLE post IN ACCESS EXCLUSIVE MODE NOWAIT;" + NL
                + "LOCK TABLE tag IN ACCESS EXCLUSIVE MODE NOWAIT;" + NL
                + "DROP TABLE post_tags;" + NL), r.out());
    }

    @Test
    void badNamesAreUsageErrors() {
        KeelRun unknown = run(MigrationSource.standard(), "-C", c, "sqlmigrate", "blog", "0042");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("error: app blog has no migration named or starting with \"0042\"."), unknown.err());
        assertEquals(2, run(MigrationSource.standard(), "-C", c, "sqlmigrate", "shop", "0001").exit());
        assertEquals(2, run(MigrationSource.standard(), "-C", c, "sqlmigrate", "blog").exit());
    }
}
