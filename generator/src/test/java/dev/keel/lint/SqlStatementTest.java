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
    void psqlMetaCommandsArePassedOverAndGSendsTheStatement() {
        var statements = SqlStatement.split("""
                \\set ON_ERROR_STOP on
                  \\connect shop
                DROP TABLE legacy;
                SELECT format('DROP TABLE %I', 'x') \\gexec
                UPDATE t SET a = '\\x'
                """);
        assertEquals(List.of("DROP TABLE legacy", "SELECT format('?', '?')", "UPDATE t SET a = '?'"),
                statements.stream().map(SqlStatement::shape).toList());
        assertEquals(List.of(3, 4, 5), statements.stream().map(SqlStatement::line).toList());
    }

    @Test
    void flywayPlaceholdersReadAsQuotedNames() {
        SqlStatement s = SqlStatement.split("ALTER TABLE ${schema}.orders DROP COLUMN note").get(0);
        assertEquals("${schema}.orders", s.alteredTable().orElseThrow());
        assertEquals(List.of("DROP COLUMN note"), s.actions());
        assertEquals("INSERT INTO t VALUES ('?')", SqlStatement.split("INSERT INTO t VALUES ('${owner}')").get(0).shape());
    }

    @Test
    void anEscapeStringEndsAtItsUnescapedQuote() {
        var statements = SqlStatement.split("COMMENT ON TABLE t IS E'it\\'s; DROP TABLE t'; SELECT 'a\\'; SELECT 2");
        assertEquals(List.of("COMMENT ON TABLE t IS E'?'", "SELECT '?'", "SELECT 2"),
                statements.stream().map(SqlStatement::shape).toList());
    }

    @Test
    void copyDataUpToItsEndMarkIsNoSql() {
        var statements = SqlStatement.split("COPY country (code, name) FROM stdin;\nDE\tDROP TABLE orders; x\n\\.\nDROP TABLE t;\n");
        assertEquals(List.of("COPY country (code, name) FROM stdin", "DROP TABLE t"),
                statements.stream().map(SqlStatement::shape).toList());
        assertEquals(4, statements.get(1).line());
    }

    @Test
    void aSqlStandardFunctionBodyIsOneStatement() {
        var statements = SqlStatement.split("""
                CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC
                  SELECT CASE WHEN true THEN 1 END; SELECT 2;
                END;
                COMMIT""");
        assertEquals(2, statements.size(), statements.toString());
        assertEquals("COMMIT", statements.get(1).shape());
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
