package dev.keel.scan.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnDefinitionTest {
    @Test
    void aTypeAloneSaysNothingMore() {
        var d = ColumnDefinition.parse("numeric (12, 2)");
        assertEquals("numeric(12, 2)", d.type());
        assertFalse(d.moreThanAType());
        assertEquals("timestamp with time zone", ColumnDefinition.parse("timestamp with time zone").type());
    }

    @Test
    void clausesInAnyOrderAndCase() {
        var d = ColumnDefinition.parse("varchar(20) DEFAULT 'NEW' not null");
        assertEquals(new ColumnDefinition("varchar(20)", true, "'NEW'", null, false, true), d);
        assertEquals(new ColumnDefinition("jsonb", true, "'{}'::jsonb", null, false, true),
                ColumnDefinition.parse("jsonb not null default '{}'::jsonb"));
        assertEquals(new ColumnDefinition("int", false, null, "rating between 1 and 5", true, true),
                ColumnDefinition.parse("int unique check (rating between 1 and 5)"));
        assertEquals("now()", ColumnDefinition.parse("timestamptz default now()").defaultSql());
        assertEquals("nextval('a b'::regclass)", ColumnDefinition.parse("bigint default nextval('a b'::regclass) not null").defaultSql());
        assertEquals("'it''s'", ColumnDefinition.parse("text default 'it''s'").defaultSql());
        assertTrue(ColumnDefinition.parse("numeric(10,2) NULL").moreThanAType(), "an explicit NULL is a clause");
        assertEquals("(upper('x (y)'))", ColumnDefinition.parse("varchar(5) default (upper('x (y)'))").defaultSql());
    }

    @Test
    void aStoredGeneratedColumnIsRead() {
        var d = ColumnDefinition.parse("tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ')')) STORED");
        assertEquals("tsvector", d.type());
        assertEquals("to_tsvector('english', coalesce(title, '') || ')')", d.generated());
        var n = ColumnDefinition.parse("integer generated always as ( char_length(title) ) stored not null");
        assertEquals(new ColumnDefinition("integer", true, null, null, false, true, "char_length(title)"), n);
        assertNull(ColumnDefinition.parse("integer not null").generated());
        assertEquals("GENERATED ALWAYS AS IDENTITY (an identity column: map it with @GeneratedValue(strategy = IDENTITY))",
                assertThrows(ColumnDefinition.Unsupported.class, () -> ColumnDefinition.parse("bigint generated always as identity")).getMessage());
        assertEquals("GENERATED ALWAYS AS (A + B)", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("int generated always as (a + b) virtual")).getMessage());
    }

    @Test
    void otherConstraintsAndBrokenTextAreNamed() {
        assertEquals("REFERENCES", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("bigint references account(id)")).getMessage());
        assertEquals("COLLATE", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("varchar(3) collate \"C\"")).getMessage());
        assertEquals("PRIMARY", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("serial primary key")).getMessage());
        assertEquals("an unclosed quote", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("text default 'x")).getMessage());
        assertEquals("DEFAULT without an expression", assertThrows(ColumnDefinition.Unsupported.class,
                () -> ColumnDefinition.parse("text default not null")).getMessage());
    }
}
