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
                int end = SqlLexing.quoteEnd(sql, i, '\'');
                text.append(sql, i, end);
                shape.append("'?'");
                i = end;
            } else if (c == '"') {
                int end = SqlLexing.quoteEnd(sql, i, '"');
                text.append(sql, i, end);
                shape.append(sql, i, end);
                i = end;
            } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
                String tag = SqlLexing.dollarTag(sql, i);
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




    private void finish() {
        String s = shape.toString().strip();
        if (!s.isEmpty()) {
            statements.add(new SqlStatement(text.toString().strip(), s));
        }
        text = new StringBuilder();
        shape = new StringBuilder();
    }
}
