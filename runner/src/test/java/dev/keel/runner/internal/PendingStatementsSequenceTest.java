package dev.keel.runner.internal;

import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Query;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The message sequence keel sends its statements in ({@link PendingStatements#sequence}): one statement per text, each
 * text sent as it is, whether the driver's parser splits them (a text with a semicolon) or not (the others, the usual
 * case, which the driver then does not read through); the statements run in order, and a failure is counted where it is.
 */
class PendingStatementsSequenceTest {
    private static List<String> sent(Query q) {
        return Arrays.stream(q.getSubqueries()).map(Query::getNativeSql).toList();
    }

    @Test
    void textsWithoutSemicolonsAreSentAsTheyAreOneStatementEach() throws Exception {
        List<String> texts = List.of("BEGIN", "CREATE TABLE t (id bigint, why text DEFAULT 'who? $1 {fn now()}')",
                "COMMENT ON TABLE t IS 'a -- not a comment'", "INSERT INTO t (id) VALUES (1) RETURNING why", "COMMIT");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            Query q = PendingStatements.sequence(c.unwrap(BaseConnection.class), texts);
            assertNotNull(q);
            assertEquals(texts, sent(q));
            var answer = PendingStatements.sendTogether(c, texts, true);
            assertNull(answer.failure());
            assertEquals(texts.size(), answer.completed());
            assertEquals(List.of("who? $1 {fn now()}"), answer.values());
        }
    }

    @Test
    void aSemicolonInATextLeavesTheSplittingToTheDriver() throws Exception {
        List<String> texts = List.of("CREATE TABLE t (id bigint CHECK (id > 0), note text DEFAULT 'a;b')",
                "CREATE INDEX t_id ON t (id)");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            Query q = PendingStatements.sequence(c.unwrap(BaseConnection.class), texts);
            assertNotNull(q);
            assertEquals(2, q.getSubqueries().length);
            assertEquals(texts.get(0), q.getSubqueries()[0].getNativeSql().strip());
            assertEquals(texts.size(), PendingStatements.sendTogether(c, texts, false).completed());
            // a text of two statements is not split by keel's count: each text on its own
            assertNull(PendingStatements.sequence(c.unwrap(BaseConnection.class),
                    List.of("CREATE TABLE u (id bigint); CREATE TABLE v (id bigint)", "DROP TABLE t")));
        }
    }

    @Test
    void aFailureIsCountedAtItsStatementAndNothingAfterItRuns() throws Exception {
        List<String> texts = List.of("BEGIN", "CREATE TABLE t (id bigint)", "ALTER TABLE missing ADD COLUMN x integer",
                "CREATE TABLE u (id bigint)", "COMMIT");
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            var answer = PendingStatements.sendTogether(c, texts, false);
            assertNotNull(answer.failure());
            assertEquals(2, answer.completed());
            try (var st = c.createStatement()) {
                st.execute("ROLLBACK");
            }
            try (var st = c.createStatement(); var r = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename IN ('t', 'u')")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }
}
