package dev.keel.runner.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which SQL ends, starts or changes the transaction it runs in, read as PostgreSQL splits statements. */
class TransactionControlTest {
    @Test
    void findsEachFormAtTheStartOfAnyStatement() {
        assertEquals("COMMIT", TransactionControl.find("commit"));
        assertEquals("COMMIT", TransactionControl.find("UPDATE t SET a = 1;\n  -- now\n  /* really /* nested */ */ Commit work;"));
        assertEquals("END", TransactionControl.find("END TRANSACTION"));
        assertEquals("ABORT", TransactionControl.find("abort"));
        assertEquals("ROLLBACK", TransactionControl.find("ROLLBACK AND CHAIN"));
        assertEquals("ROLLBACK", TransactionControl.find("rollback work"));
        assertEquals("ROLLBACK PREPARED", TransactionControl.find("ROLLBACK PREPARED 'x'"));
        assertEquals("COMMIT PREPARED", TransactionControl.find("COMMIT PREPARED 'x'"));
        assertEquals("BEGIN", TransactionControl.find("SELECT 1; BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT 2"));
        assertEquals("START TRANSACTION", TransactionControl.find("start  transaction read only"));
        assertEquals("SET TRANSACTION", TransactionControl.find("SET TRANSACTION READ ONLY"));
        assertEquals("SET SESSION CHARACTERISTICS", TransactionControl.find("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
        assertEquals("PREPARE TRANSACTION", TransactionControl.find("PREPARE TRANSACTION 'x'"));
        assertEquals("COMMIT", TransactionControl.find("SELECT 'it''s; commit'; SELECT $1; COMMIT"));
    }

    @Test
    void savepointsAndTheSameWordsInsideStringsBodiesAndNamesAreNot() {
        assertNull(TransactionControl.find("SAVEPOINT a; ROLLBACK TO SAVEPOINT a; ROLLBACK TRANSACTION TO a; RELEASE a"));
        assertNull(TransactionControl.find("ROLLBACK WORK TO SAVEPOINT a"));
        assertNull(TransactionControl.find("DO $$ BEGIN UPDATE t SET a = 1; COMMIT; END $$"));
        assertNull(TransactionControl.find("DO $body$ BEGIN PERFORM 1; END $body$; SELECT 'x;commit'"));
        assertNull(TransactionControl.find("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS 'BEGIN RETURN 1; END'"));
        assertNull(TransactionControl.find("SELECT E'\\'; commit'"));
        assertEquals("COMMIT", TransactionControl.find("SELECT E'\\\\'; commit"));
        assertNull(TransactionControl.find("UPDATE \"a;commit\" SET x = 1 -- ; commit\n"));
        assertNull(TransactionControl.find("PREPARE q AS SELECT 1; SET search_path = x; SET SESSION statement_timeout = 0"));
        assertNull(TransactionControl.find("INSERT INTO log VALUES ('begin'); SELECT commit_ts FROM t"));
        assertNull(TransactionControl.find("""
                CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
                    SELECT 2;
                END;
                SELECT 3"""));
        assertEquals("COMMIT", TransactionControl.find("CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; COMMIT"));
    }
}
