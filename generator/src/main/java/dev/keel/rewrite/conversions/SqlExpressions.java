package dev.keel.rewrite.conversions;

import dev.keel.state.CheckConstraint;

/** Small pieces of SQL that conversions write. */
final class SqlExpressions {
    private SqlExpressions() {}

    /** A column name as an SQL identifier: bare when PostgreSQL would not fold or mistake it, else quoted. */
    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
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
