package dev.keel.runner.internal;

import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements sent as one simple-protocol {@code Query} ({@link OneQuery}) on a real PostgreSQL: each counted as it
 * completes, rows read, each migration committed at its {@code COMMIT}; a failure counted at its statement with its
 * position relative to that statement (as when sent alone); a text the server refuses whole reported as such, with
 * nothing run.
 */
class OneQueryTest {
    private static long count(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The failure of {@code sql} sent alone, in the extended protocol as before. */
    private static PSQLException alone(Connection c, String sql) {
        return assertThrows(PSQLException.class, () -> {
            try (var st = c.createStatement()) {
                st.execute(sql);
            }
        });
    }

    @Test
    void onlyFromPostgreSql13WhichTimesEachStatementOfAQuery() throws Exception {
        assertFalse(OneQuery.timesEachStatement(120017));
        assertTrue(OneQuery.timesEachStatement(130000));
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            assertTrue(OneQuery.possible(c), "the test server is PostgreSQL 13 or later");
        }
    }

    @Test
    void statementsRunInOrderEachMigrationCommittedAtItsCommit() throws Exception {
        List<String> texts = List.of("CREATE TABLE t (id bigint, note text) -- created",
                "BEGIN", "INSERT INTO t VALUES (1, 'one; not two')", "SELECT 'é😀'::text", "COMMIT",
                "BEGIN", "INSERT INTO t VALUES (2, '/* not a comment */') RETURNING id::text", "COMMIT");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            OneQuery q = OneQuery.of(texts);
            assertNotNull(q);
            var answer = q.send(c);
            assertNull(answer.failure());
            assertEquals(texts.size(), answer.completed());
            assertEquals(List.of("é😀", "2"), answer.values());
            assertEquals(2, count(c, "SELECT count(*) FROM t"));
            assertNull(OneQuery.of(List.of("BEGIN", "SELECT $$x$$")), "a dollar quote: sent as before");
        }
    }

    @Test
    void aFailureIsCountedAtItsStatementWithItsPositionInThatStatementAndNothingAfterRuns() throws Exception {
        String failing = "ALTER TABLE t ADD COLUMN \"é😀\" no_such_type";
        List<String> texts = List.of("CREATE TABLE t (id bigint)",
                "BEGIN", "ALTER TABLE t ADD COLUMN a text DEFAULT '😀😀 -- é'", "COMMIT",
                "BEGIN", "ALTER TABLE t ADD COLUMN b bigint", failing, "COMMIT",
                "BEGIN", "ALTER TABLE t ADD COLUMN c bigint", "COMMIT");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            var answer = OneQuery.of(texts).send(c);
            assertNotNull(answer);
            assertEquals(texts.indexOf(failing), answer.completed(), "the statements before the failing one completed");
            assertFalse(answer.lost());
            Executor.rollback(c);
            PSQLException before = alone(c, failing);
            var after = (PSQLException) answer.failure();
            int position = failing.codePointCount(0, failing.indexOf("no_such_type")) + 1; // PostgreSQL counts characters
            assertEquals(position, before.getServerErrorMessage().getPosition());
            assertEquals(before.getServerErrorMessage().getPosition(), after.getServerErrorMessage().getPosition());
            assertEquals(before.getMessage(), after.getMessage());
            assertEquals(before.getSQLState(), after.getSQLState());
            assertEquals(List.of("id", "a"), columns(c), "the first migration committed; nothing of the second or after");
        }
    }

    @Test
    void aSyntaxErrorAnywhereIsRefusedWholeAndNothingRuns() throws Exception {
        List<String> texts = List.of("BEGIN", "CREATE TABLE t (id bigint)", "COMMIT",
                "BEGIN", "ALTER TABLE t ADD COLUMN b bigint", "COMMIT",
                "BEGIN", "ALTER TABLE t ADD COLUM c bigint", "COMMIT");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            assertNull(OneQuery.of(texts).send(c), "refused whole");
            assertEquals(0, count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 't'"), "not even the first ran");
            assertEquals(1, count(c, "SELECT 1"), "the session is usable");
        }
    }

    @Test
    void aCancelBeforeTheFirstStatementCompletedIsItsFailureNotARefusal() throws Exception {
        List<String> texts = List.of("SELECT pg_sleep(5)", "CREATE TABLE t (id bigint)");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            try (var st = c.createStatement()) {
                st.execute("SET statement_timeout = '200ms'");
            }
            var answer = OneQuery.of(texts).send(c);
            assertNotNull(answer);
            assertEquals(0, answer.completed());
            assertEquals("57014", answer.failure().getSQLState());
            assertEquals(0, count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 't'"));
        }
    }

    /**
     * PostgreSQL 13 and later time each statement of a {@code Query} on its own: two statements of 0.6 s under a timeout
     * of 1 s both run, one of 1.5 s is stopped (before 13, the timeout would have bounded the text as a whole).
     */
    @Test
    void theStatementTimeoutBoundsEachStatementNotTheWholeText() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            try (var st = c.createStatement()) {
                st.execute("SET statement_timeout = '1s'");
            }
            var answer = OneQuery.of(List.of("BEGIN", "SELECT pg_sleep(0.6)", "SELECT pg_sleep(0.6)", "COMMIT")).send(c);
            assertNull(answer.failure());
            answer = OneQuery.of(List.of("BEGIN", "SELECT pg_sleep(0.1)", "SELECT pg_sleep(1.5)", "COMMIT")).send(c);
            assertEquals(2, answer.completed());
            assertEquals("57014", answer.failure().getSQLState());
        }
    }

    private static List<String> columns(Connection c) throws SQLException {
        var out = new java.util.ArrayList<String>();
        try (var st = c.createStatement(); var r = st.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
