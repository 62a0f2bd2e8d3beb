package dev.keel.rewrite.conversions;

import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every conversion's expressions, run on PostgreSQL over a table with the old and the new column. */
class ConversionsTest {
    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.freshDatabase();
        c = db.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    /** The forward expression over a one-row table holding {@code value} in a column of type {@code from}. */
    private static String forward(Conversion conv, String from, String to, String value) throws SQLException {
        return eval("SELECT (" + conv.forwardOver("Old Col") + ") FROM (SELECT (" + value + ")::" + from
                + " AS \"Old Col\") t", to);
    }

    private static String backward(Conversion conv, String from, String to, String value) throws SQLException {
        return eval("SELECT (" + conv.backwardOver("amount_keel_new") + ") FROM (SELECT (" + value + ")::" + to
                + " AS amount_keel_new) t", from);
    }

    /** Runs {@code select} and stores its value in a column of {@code type} (assignment, as a trigger does). */
    private static String eval(String select, String type) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS probe");
            st.execute("CREATE TABLE probe (v " + type + ")");
            st.execute("DO $$ DECLARE r probe; BEGIN r.v := (" + select + "); "
                    + "INSERT INTO probe VALUES (r.v); END $$");
            try (var rs = st.executeQuery("SELECT v::text FROM probe")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void integerWideningKeepsEveryValueAndGoesBackOnlyWhenItFits() throws Exception {
        Conversion conv = Conversions.of("integer", "bigint");
        assertEquals("integer-widening", conv.kind());
        assertTrue(conv.derived());
        assertTrue(conv.backwardTotal());
        assertEquals("2147483647", forward(conv, "integer", "bigint", "2147483647"));
        assertEquals("-2147483648", forward(conv, "integer", "bigint", "-2147483648"));
        assertEquals("-7", backward(conv, "integer", "bigint", "-7"));
        assertNull(backward(conv, "integer", "bigint", "3000000000"), "a bigint beyond integer gives NULL back, not an error");
        Conversion small = Conversions.of("smallint", "integer");
        assertEquals("32767", forward(small, "smallint", "integer", "32767"));
        assertNull(backward(small, "smallint", "integer", "40000"));
        assertEquals("-3", backward(Conversions.of("smallint", "bigint"), "smallint", "bigint", "-3"));
        assertEquals("user-expression", Conversions.of("bigint", "integer").kind(), "a narrowing is not derived");
    }

    @Test
    void integerToNumericIsExactAndFailsLoudlyWhenTooSmall() throws Exception {
        Conversion conv = Conversions.of("bigint", "numeric(12,2)");
        assertEquals("integer-to-numeric", conv.kind());
        assertEquals("9999999999.00", forward(conv, "bigint", "numeric(12,2)", "9999999999"));
        SQLException tooBig = assertThrows(SQLException.class, () -> forward(conv, "bigint", "numeric(12,2)", "99999999999"));
        assertTrue(tooBig.getMessage().contains("numeric field overflow"), tooBig.getMessage());
        assertEquals("42", backward(conv, "bigint", "numeric(12,2)", "42.00"));
        assertNull(backward(conv, "bigint", "numeric(12,2)", "42.5"), "a fraction has no integer form: NULL back");
        assertNull(backward(Conversions.of("integer", "numeric"), "integer", "numeric", "1e12"));
    }

    @Test
    void varcharShrinkNeverCutsAValue() throws Exception {
        Conversion conv = Conversions.of("varchar(20)", "varchar(5)");
        assertEquals("varchar-shrink", conv.kind());
        assertEquals(5, conv.lengthCap());
        assertEquals("abcde", forward(conv, "varchar(20)", "varchar(5)", "'abcde'"));
        SQLException tooLong = assertThrows(SQLException.class, () -> forward(conv, "varchar(20)", "varchar(5)", "'abcdef'"));
        assertTrue(tooLong.getMessage().contains("value too long for type character varying(5)"), tooLong.getMessage());
        assertEquals("abc", backward(conv, "varchar(20)", "varchar(5)", "'abc'"));
        assertEquals(3, Conversions.of("text", "varchar(3)").lengthCap());
        assertEquals("varchar-shrink", Conversions.of("varchar", "varchar(3)").kind());
    }

    @Test
    void textToJsonbNeedsTheUsersExpressionAndGoesBackAsText() throws Exception {
        Conversion conv = Conversions.of("text", "jsonb");
        assertEquals("text-to-json", conv.kind());
        assertFalse(conv.derived());
        assertThrows(IllegalStateException.class, () -> conv.forwardOver("payload"));
        Conversion given = conv.using("CASE WHEN payload ~ '^\\s*[{\\[]' THEN payload::jsonb ELSE to_jsonb(payload) END", "payload");
        assertEquals("{\"a\": 1}", forward(given, "text", "jsonb", "'{\"a\":1}'"));
        assertEquals("\"plain\"", forward(given, "text", "jsonb", "'plain'"));
        assertEquals("{\"a\": 1}", backward(given, "text", "jsonb", "'{\"a\":1}'"));
        assertEquals("text-to-json", Conversions.of("varchar(255)", "json").kind());
    }

    @Test
    void timestampToTimestamptzIsAskedWithUtcAsTheHint() throws Exception {
        String from = "timestamp(6)";
        String to = "timestamp(6) with time zone";
        Conversion conv = Conversions.of(from, to);
        assertEquals("timestamp-to-timestamptz", conv.kind());
        assertFalse(conv.derived());
        Conversion given = conv.using(conv.hint().replace("x", "created_at"), "created_at");
        try (Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'Europe/Paris'");
        }
        assertEquals("2026-01-01 13:00:00+01", forward(given, from, to, "'2026-01-01 12:00:00'"));
        assertEquals("2026-01-01 12:00:00", backward(given, from, to, "'2026-01-01 13:00:00+01'"));
    }

    @Test
    void keywordsAndMixedCaseColumnNamesAreQuoted() throws Exception {
        Conversion conv = Conversions.of("integer", "bigint");
        assertEquals("\"order\"::bigint", conv.forwardOver("order"));
        assertEquals("\"Amount\"::bigint", conv.forwardOver("Amount"));
        assertEquals("quantity::bigint", conv.forwardOver("quantity"));
        assertEquals("\"user\"::text", Conversions.of("text", "jsonb").using("\"user\"::jsonb", "user").backwardOver("user"));
        assertEquals("\"user_keel_old\"::jsonb".replace("\"", ""), Conversions.of("text", "jsonb").using("\"user\"::jsonb", "user")
                .forwardOver("user_keel_old"), "the user's expression follows the renamed column");
    }

    @Test
    void anythingElseIsTheUsersWithACastBack() throws Exception {
        Conversion conv = Conversions.of("integer", "text");
        assertEquals("user-expression", conv.kind());
        assertFalse(conv.derived());
        assertEquals("12", backward(conv, "integer", "text", "'12'"));
        assertEquals("x::text", conv.hint());
        assertFalse(conv.backwardTotal(), "'abc' has no integer form: the old column does not follow after the switch");
        assertTrue(Conversions.of("text", "integer").backwardTotal(), "every integer has a text form");
        assertTrue(Conversions.of("bigint", "integer").backwardTotal(), "every integer is a bigint");
        assertFalse(Conversions.of("numeric(5,2)", "integer").backwardTotal(), "numeric(5,2) does not hold every integer");
        assertTrue(Conversions.of("numeric", "integer").backwardTotal());
        Conversion fromBounded = Conversions.of("varchar(5)", "jsonb");
        assertFalse(fromBounded.backwardTotal());
        assertEquals("\"abcdefgh\"", backward(Conversions.of("text", "jsonb"), "text", "jsonb", "'\"abcdefgh\"'"));
        SQLException tooLong = assertThrows(SQLException.class, () -> backward(fromBounded, "varchar(5)", "jsonb", "'\"abcdefgh\"'"));
        assertTrue(tooLong.getMessage().contains("value too long"), "never cut short: " + tooLong.getMessage());
    }
}
