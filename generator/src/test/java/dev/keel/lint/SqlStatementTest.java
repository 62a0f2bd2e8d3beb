package dev.keel.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading RunSql text: statements split where PostgreSQL splits them, names as keel's state writes them. */
class SqlStatementTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesDollarQuotesAndComments() {
        var statements = SqlStatement.split("""
                -- a comment; not a statement
                UPDATE post SET title = 'a;b' WHERE "we;ird" = 1;
                /* block; /* nested; */ still comment */
                DO $body$ BEGIN UPDATE post SET x = 1; END $body$;
                CREATE INDEX ix ON post (title)""");
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("UPDATE post SET title = '?' WHERE \"we;ird\" = 1", statements.get(0).shape());
        assertEquals("DO $$?$$", statements.get(1).shape());
        assertTrue(statements.get(1).isData(), "a DO block that updates rows changes data");
        assertFalse(statements.get(2).isData());
    }

    @Test
    void alterTableActionsSplitAtTopLevelCommas() {
        SqlStatement s = SqlStatement.split("ALTER TABLE ONLY \"Audit\".log ADD COLUMN a numeric(10, 2),"
                + " ADD CONSTRAINT c CHECK (a IN (1, 2)) NOT VALID").get(0);
        assertEquals("Audit.log", s.alteredTable().orElseThrow());
        assertEquals(List.of("ADD COLUMN a numeric(10, 2)", "ADD CONSTRAINT c CHECK (a IN (1, 2)) NOT VALID"), s.actions());
    }

    @Test
    void namesFoldLikePostgreSql() {
        assertEquals("post", SqlStatement.tableName("public.Post"));
        assertEquals("Post", SqlStatement.tableName("\"Post\""));
        assertEquals("audit.event", SqlStatement.tableName("Audit . EVENT"));
    }

    @Test
    void dataStatements() {
        for (String sql : List.of("INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t",
                "WITH x AS (SELECT 1) UPDATE t SET a = 1", "COPY t FROM STDIN")) {
            assertTrue(SqlStatement.split(sql).get(0).isData(), sql);
        }
        assertFalse(SqlStatement.split("ALTER TABLE t ADD COLUMN updated_at timestamptz").get(0).isData());
    }
}
