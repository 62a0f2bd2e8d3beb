package dev.keel.lint;

import dev.keel.sqltext.SqlLexing;

import java.util.ArrayList;
import java.util.List;

/** Splits SQL text into statements; builds each statement's text and shape ({@link SqlStatement}). */
final class SqlSplitter {
    private final String sql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    private StringBuilder shape = new StringBuilder();
    /** Where the statement being read starts (its first character that is no space or comment), or -1. */
    private int start = -1;
    private int line = 1;
    private int counted;

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
                i = SqlLexing.blockCommentEnd(sql, i);
                space();
            } else if (c == '\'') {
                begin(i);
                int end = SqlLexing.quoteEnd(sql, i, '\'');
                text.append(sql, i, end);
                shape.append("'?'");
                i = end;
            } else if (c == '"') {
                begin(i);
                int end = SqlLexing.quoteEnd(sql, i, '"');
                text.append(sql, i, end);
                shape.append(sql, i, end);
                i = end;
            } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
                String tag = SqlLexing.dollarTag(sql, i);
                begin(i);
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
                    begin(i);
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




    /** Notes offset {@code i} as the statement's start when it is the first of its text that counts. */
    private void begin(int i) {
        if (start < 0) {
            start = i;
        }
    }

    private void finish() {
        String s = shape.toString().strip();
        if (!s.isEmpty()) {
            statements.add(new SqlStatement(text.toString().strip(), s, lineAt(start)));
        }
        text = new StringBuilder();
        shape = new StringBuilder();
        start = -1;
    }

    /** The line of offset {@code offset}, counting on from the last one asked (offsets only grow). */
    private int lineAt(int offset) {
        for (; counted < offset; counted++) {
            if (sql.charAt(counted) == '\n') {
                line++;
            }
        }
        return line;
    }
}
