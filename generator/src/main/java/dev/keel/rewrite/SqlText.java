package dev.keel.rewrite;

import dev.keel.state.SqlIdentifiers;

/**
 * Identifiers in the SQL text keel writes itself (check expressions, backfills), quoted only when
 * PostgreSQL needs it, as the runner's statements are: a name that is not a lower-case plain identifier,
 * or a keyword other than an unreserved one.
 */
public final class SqlText {
    private SqlText() {}

    /** {@code text} as an SQL string literal: {@code 'it''s'}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code name} as an SQL identifier: {@code post}, {@code "order"}, {@code "UserId"}. */
    public static String quote(String name) {
        return SqlIdentifiers.quote(name);
    }

    /** A table name as keel's state writes it ({@code post}, {@code audit.event}), each part quoted as needed. */
    public static String table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? quote(qualifiedName) : quote(qualifiedName.substring(0, dot)) + "." + quote(qualifiedName.substring(dot + 1));
    }

    /** The check that proves a column holds no null: {@code subtitle IS NOT NULL}. */
    public static String notNullCheck(String column) {
        return quote(column) + " IS NOT NULL";
    }
}
