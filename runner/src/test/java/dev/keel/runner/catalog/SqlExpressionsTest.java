package dev.keel.runner.catalog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlExpressionsTest {
    private static void same(String written, String printed) {
        assertEquals(SqlExpressions.normalise(written), SqlExpressions.normalise(printed), written + " vs " + printed);
    }

    @Test
    void castsSpacingCaseAndRedundantParenthesesDoNotMatter() {
        same("'draft'", "'draft'::character varying");
        same("-1", "'-1'::integer");
        same("nextval('post_seq')", "nextval('post_seq'::regclass)");
        same("price > 0", "((price > (0)::numeric))");
        same("title <> ''", "((title)::text <> ''::text)");
        same("lower(email)", "lower((email)::text)");
        same("deleted_at IS NULL", "(deleted_at is null)");
        same("'2020-01-01'", "'2020-01-01'::timestamp(6) with time zone");
        same("x", "x::double precision");
        same("tags", "tags::text[]");
        assertNull(SqlExpressions.normalise(null));
    }

    @Test
    void meaningfulDifferencesRemain() {
        assertNotEquals(SqlExpressions.normalise("price > 0"), SqlExpressions.normalise("price >= 0"));
        assertNotEquals(SqlExpressions.normalise("(a OR b) AND c"), SqlExpressions.normalise("a OR (b AND c)"));
        assertNotEquals(SqlExpressions.normalise("'Draft'"), SqlExpressions.normalise("'draft'"));
        assertNotEquals(SqlExpressions.normalise("\"Order\" > 0"), SqlExpressions.normalise("\"order\" > 0"));
        assertNotEquals(SqlExpressions.normalise("lower(email)"), SqlExpressions.normalise("upper(email)"));
    }

    @Test
    void stringLiteralsAreKeptAsWritten() {
        assertEquals("'it''s  ( X )'", SqlExpressions.normalise("'it''s  ( X )'::text"));
        assertEquals("a is not null", SqlExpressions.normalise("A  IS NOT   NULL"));
    }
}
