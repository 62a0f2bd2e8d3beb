package dev.keel.sqltext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where PostgreSQL's quoted runs and comments end in SQL text: the one lexing the readers of SQL share
 * (lint's statement splitter, the runner's reading of builds and of transaction control), so that a
 * semicolon or keyword inside a string, a quoted name, a dollar-quoted body or a comment is never read as SQL.
 */
public final class SqlLexing {
    private static final Pattern DOLLAR = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private SqlLexing() {}

    /** The index after a quoted run ({@code '...'} or {@code "..."}) starting at {@code i}; a doubled quote stays inside. */
    public static int quoteEnd(String sql, int i, char quote) {
        return quoteEnd(sql, i, quote, false);
    }

    /**
     * The index after a quoted run starting at {@code i}; a doubled quote stays inside, and with
     * {@code backslashEscapes} (an {@code E'...'} string) a backslash escapes the next character.
     */
    public static int quoteEnd(String sql, int i, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** The index after a block comment starting at {@code i}; block comments nest in PostgreSQL. */
    public static int blockCommentEnd(String sql, int i) {
        int depth = 0;
        int j = i;
        while (j < sql.length()) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    /** The dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or null when none starts there. */
    public static String dollarTag(String sql, int i) {
        Matcher m = DOLLAR.matcher(sql).region(i, sql.length());
        return m.lookingAt() ? m.group() : null;
    }
}
