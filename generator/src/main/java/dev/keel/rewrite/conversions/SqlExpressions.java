package dev.keel.rewrite.conversions;

import dev.keel.state.CheckConstraint;

/** Small pieces of SQL that conversions write. */
final class SqlExpressions {
    private SqlExpressions() {}

    /** A column name as an SQL identifier, quoted as keel quotes it everywhere ({@code amount}, {@code "order"}, {@code "Amount"}). */
    static String ident(String name) {
        return dev.keel.rewrite.SqlText.quote(name);
    }

    /**
     * {@code sql} with the column {@code from} named {@code to}, as keel renames a column inside a check
     * (string literals untouched, quoted names taken as written).
     */
    static String renameColumn(String sql, String from, String to) {
        if (from.equals(to)) {
            return sql;
        }
        return new CheckConstraint("x", sql, true).renameColumn(from, to).expression();
    }
}
