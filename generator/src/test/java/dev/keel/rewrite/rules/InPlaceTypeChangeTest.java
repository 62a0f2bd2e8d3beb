package dev.keel.rewrite.rules;

import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link InPlaceTypeChange} against PostgreSQL: for every pair of a list of column types that PostgreSQL can
 * convert, whether {@code ALTER COLUMN ... TYPE} gave the table a new file (a rewrite) is what keel says.
 */
class InPlaceTypeChangeTest {
    private static final List<String> TYPES = List.of(
            "varchar(10)", "varchar(20)", "varchar", "text", "char(5)", "char(10)",
            "numeric(10,2)", "numeric(12,2)", "numeric(12,4)", "numeric(8,2)", "numeric",
            "smallint", "integer", "bigint", "real", "float(53)",
            "timestamp(3)", "timestamp(6)", "timestamp(3) with time zone", "timestamp(6) with time zone", "date",
            "time(3)", "time(6)", "time(3) with time zone", "time(6) with time zone",
            "bit varying(5)", "bit varying(10)", "bit varying", "bit(5)", "cidr", "inet",
            "uuid", "boolean", "json", "jsonb", "bytea", "varchar(10)[]", "varchar(20)[]", "text[]");

    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.freshDatabase();
        c = db.connect();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'Europe/Paris'"); // in UTC, timestamp to timestamptz is in place too; keel does not count on it
        }
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void everyPairPostgresqlConvertsIsInPlaceExactlyWhenKeelSaysSo() throws SQLException {
        var wrong = new ArrayList<String>();
        int converted = 0;
        int inPlace = 0;
        for (String from : TYPES) {
            for (String to : TYPES) {
                Boolean rewritten = rewrites(from, to);
                if (rewritten == null) {
                    continue;
                }
                converted++;
                if (!rewritten) {
                    inPlace++;
                }
                if (InPlaceTypeChange.of(from, to) == rewritten) {
                    wrong.add(from + " -> " + to + ": PostgreSQL " + (rewritten ? "rewrites" : "does not rewrite"));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(converted > 400, "most pairs convert: " + converted);
        assertTrue(inPlace > TYPES.size() + 20, "beyond the same type, some changes are in place: " + inPlace);
    }

    @Test
    void spellingsAreCompared() {
        assertTrue(InPlaceTypeChange.of("character varying(10)", "VARCHAR(12)"));
        assertTrue(InPlaceTypeChange.of("decimal(10, 2)", "numeric"));
        assertTrue(InPlaceTypeChange.of("timestamp(3) with time zone", "timestamptz"));
        assertTrue(InPlaceTypeChange.of("varbit(3)", "varbit"));
        assertFalse(InPlaceTypeChange.of("timestamp", "timestamptz"));
        assertFalse(InPlaceTypeChange.of("text", "varchar(10)"));
    }

    /** Whether changing a column of type {@code from} to {@code to} rewrote the table; null when PostgreSQL refuses it. */
    private static Boolean rewrites(String from, String to) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t");
            s.execute("CREATE TABLE t (c " + from + ")");
            long before = fileOf(s);
            try {
                s.execute("ALTER TABLE t ALTER COLUMN c TYPE " + to);
            } catch (SQLException refused) {
                return null;
            }
            return fileOf(s) != before;
        }
    }

    private static long fileOf(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = 't' AND relkind = 'r'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
