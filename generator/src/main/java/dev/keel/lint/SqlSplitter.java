package dev.keel.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SQL text into statements; builds each statement's text and shape ({@link SqlStatement}). */
final class SqlSplitter {
    private static final Pattern DOLLAR = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private final String sql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    private StringBuilder shape = new StringBuilder();

    SqlSplitter(String sql) {
        this.sql = sql;
    }

    List<SqlStatement> statements() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = blockCommentEnd(i);
                space();
            } else if (c == '\'') {
                int end = quoteEnd(i, '\'');
                text.append(sql, i, end);
                shape.append("'?'");
                i = end;
            } else if (c == '"') {
                int end = quoteEnd(i, '"');
                text.append(sql, i, end);
                shape.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarAt(i) != null) {
                String tag = dollarAt(i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? sql.length() : close + tag.length();
                text.append(sql, i, end);
                shape.append("$$?$$");
                i = end;
            } else if (c == ';') {
                finish();
                i++;
            } else {
                text.append(c);
                if (Character.isWhitespace(c)) {
                    space();
                } else {
                    shape.append(c);
                }
                i++;
            }
        }
        finish();
        return statements;
    }

    private void space() {
        if (shape.length() > 0 && shape.charAt(shape.length() - 1) != ' ') {
            shape.append(' ');
        }
    }

    private String dollarAt(int i) {
        Matcher m = DOLLAR.matcher(sql).region(i, sql.length());
        return m.lookingAt() ? m.group() : null;
    }

    /** The index after a quoted run starting at {@code i}; a doubled quote stays inside. */
    private int quoteEnd(int i, char quote) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return sql.length();
    }

    private int blockCommentEnd(int i) {
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

    private void finish() {
        String s = shape.toString().strip();
        if (!s.isEmpty()) {
            statements.add(new SqlStatement(text.toString().strip(), s));
        }
        text = new StringBuilder();
        shape = new StringBuilder();
    }
}
