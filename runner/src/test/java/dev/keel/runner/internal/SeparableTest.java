package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which texts {@link Separable#alone} lets {@link OneQuery} join: one statement that ends where the separator follows
 * it; anything it cannot follow (a dollar sign, a backslash), a semicolon outside quotes and comments, a text that
 * does not end outside them, or one of comments only is refused (sent as before). {@code OneQueryTest} runs what it
 * accepts on a real server.
 */
class SeparableTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "BEGIN", "COMMIT",
            "ALTER TABLE item ADD COLUMN b text DEFAULT 'it''s; -- not a comment /* nor this'",
            "CREATE TABLE \"odd;name\" (\"a\"\"b\" bigint)",
            "ALTER TABLE item ADD COLUMN c bigint -- a comment at the end; with a semicolon",
            "ALTER TABLE item /* a /* nested */ comment; */ ADD COLUMN d bigint",
            "COMMENT ON TABLE item IS 'x' /* trailing */",
            "SELECT 1 -- windows line end\r\n",
    })
    void oneStatementThatEndsOutsideQuotesAndComments(String text) {
        assertTrue(Separable.alone(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   \n", "-- only a comment", "/* only a comment */",
            "SELECT 1; SELECT 2",
            "SELECT 'unterminated",
            "SELECT \"unterminated",
            "SELECT 1 /* unterminated",
            "SELECT 1 /* nested /* once */ still open",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
            "SELECT $1",
            "SELECT E'it\\'s'",
            "SELECT 'a\\'",
            "SELECT 1 -- comment ended by a carriage return\r; SELECT 2",
    })
    void refusedWhenItMightNotBeOneStatementThatEndsThere(String text) {
        assertFalse(Separable.alone(text), text);
    }

    @org.junit.jupiter.api.Test
    void keelsRecordOfAMigrationIsSeparable() {
        assertTrue(Separable.alone(JdbcSchemaHistory.appliedTimedByServer(new MigrationKey("shop", "0002_add"), "abc123")));
    }
}
