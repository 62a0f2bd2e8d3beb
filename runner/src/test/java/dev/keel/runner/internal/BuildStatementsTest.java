package dev.keel.runner.internal;

import dev.keel.runner.internal.BuildStatements.Kind;
import dev.keel.runner.internal.BuildStatements.Work;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements are builds and validations (no statement timeout), finishing steps, or other work. */
class BuildStatementsTest {
    private static Work one(String sql) {
        List<Work> all = BuildStatements.of(sql);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void concurrentBuildsInEveryFormNameTheirTable() {
        assertEquals(new Work(Kind.BUILD, "post", "CREATE INDEX CONCURRENTLY IF NOT EXISTS post_t ON post (title)"),
                one("CREATE INDEX CONCURRENTLY IF NOT EXISTS post_t ON post (title)"));
        assertEquals("sales.\"Order\"", one("create unique index concurrently\n  uq on only sales.\"Order\" using btree (lower(email))").relation());
        assertEquals("t", one("CREATE INDEX CONCURRENTLY ON t (a) WHERE a > 0").relation());
        assertEquals("\"On\"", one("CREATE INDEX CONCURRENTLY \"x;y\" ON \"On\" (a)").relation());
        assertEquals(new Work(Kind.BUILD, "ix", "REINDEX (VERBOSE) INDEX CONCURRENTLY ix"), one("REINDEX (VERBOSE) INDEX CONCURRENTLY ix"));
        assertEquals("public.t", one("reindex table concurrently public.t").relation());
        Work schema = one("REINDEX SCHEMA CONCURRENTLY app");
        assertEquals(Kind.BUILD, schema.kind());
        assertEquals(null, schema.relation());
    }

    @Test
    void plainBuildsAndReindexesAreOtherWork() {
        assertEquals(Kind.OTHER, one("CREATE INDEX post_t ON post (title)").kind());
        assertEquals(Kind.OTHER, one("REINDEX INDEX ix").kind());
        assertEquals(Kind.OTHER, one("ALTER TABLE t VALIDATE CONSTRAINT a, ADD COLUMN b int").kind());
        assertEquals(Kind.OTHER, one("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)").kind());
    }

    @Test
    void validationsAndFinishingSteps() {
        assertEquals(new Work(Kind.VALIDATE, "\"Audit\".log", "ALTER TABLE IF EXISTS ONLY \"Audit\".log VALIDATE CONSTRAINT fk"),
                one("ALTER TABLE IF EXISTS ONLY \"Audit\".log VALIDATE CONSTRAINT fk"));
        assertEquals(Kind.FINISH, one("ALTER TABLE t ADD CONSTRAINT uq UNIQUE USING INDEX ix DEFERRABLE INITIALLY DEFERRED").kind());
        assertEquals(Kind.FINISH, one("ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix").kind());
        assertEquals(Kind.FINISH, one("ALTER TABLE t ALTER COLUMN a SET NOT NULL").kind());
        assertEquals(Kind.FINISH, one("ALTER TABLE t DROP CONSTRAINT IF EXISTS t_a_not_null").kind());
        assertEquals(Kind.FINISH, one("DROP INDEX CONCURRENTLY IF EXISTS s.ix").kind());
        assertEquals(Kind.FINISH, one("ALTER INDEX ix RENAME TO ix2").kind());
        assertEquals(Kind.OTHER, one("ALTER TABLE t ALTER COLUMN a DROP NOT NULL").kind());
    }

    @Test
    void handWrittenTextIsSplitOutsideQuotesAndComments() {
        String sql = "-- build it; then validate\nCREATE INDEX CONCURRENTLY ix ON t (a); /* not; here */\n"
                + "ALTER TABLE t VALIDATE CONSTRAINT c;;";
        assertEquals(List.of(Kind.BUILD, Kind.VALIDATE), BuildStatements.of(sql).stream().map(Work::kind).toList());
        assertTrue(BuildStatements.untimed(sql));
        assertFalse(BuildStatements.untimed(sql + " UPDATE t SET a = 1 WHERE a IS NULL;"));
        assertFalse(BuildStatements.untimed("DO $$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY ix ON t (a)'; END $$"));
        assertFalse(BuildStatements.untimed("-- nothing"));
        assertEquals(1, BuildStatements.of("SELECT ';' AS a, $q$ ; $q$").size());
    }
}
