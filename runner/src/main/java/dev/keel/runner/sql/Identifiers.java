package dev.keel.runner.sql;


/**
 * Writes PostgreSQL identifiers and literals. Names are quoted only when they must be, as
 * PostgreSQL's {@code quote_ident} does: when they are not lower-case plain identifiers or are
 * keywords other than the unreserved ones.
 */
public final class Identifiers {
    private Identifiers() {}

    /** The schema that tables without a schema live in. */
    public static final String DEFAULT_SCHEMA = "public";

    /** Whether {@code name} must be written in double quotes. */
    public static boolean needsQuotes(String name) {
        return dev.keel.state.SqlIdentifiers.needsQuotes(name);
    }

    /** {@code name} as an SQL identifier: {@code post}, {@code "order"}, {@code "UserId"}, {@code "a""b"}. */
    public static String quote(String name) {
        return dev.keel.state.SqlIdentifiers.quote(name);
    }

    /** {@code schema.name} with each part quoted as needed; a null or blank schema gives the bare name. */
    public static String qualified(String schema, String name) {
        return schema == null || schema.isBlank() ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * A dotted name as keel's state writes it ({@code post}, {@code audit.event}): the part before
     * the first dot is the schema.
     */
    public static String qualified(String dottedName) {
        int dot = dottedName.indexOf('.');
        return dot < 0 ? quote(dottedName) : qualified(dottedName.substring(0, dot), dottedName.substring(dot + 1));
    }

    /** The schema part of a dotted name, or null for the default schema. */
    public static String schemaOf(String dottedName) {
        int dot = dottedName.indexOf('.');
        return dot < 0 ? null : dottedName.substring(0, dot);
    }

    /** The name part of a dotted name. */
    public static String nameOf(String dottedName) {
        return dottedName.substring(dottedName.indexOf('.') + 1);
    }

    /** {@code text} as an SQL string literal ({@code 'it''s'}); null gives {@code NULL}. */
    public static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }
}
