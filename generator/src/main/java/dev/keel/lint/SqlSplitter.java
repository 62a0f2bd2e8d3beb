package dev.keel.lint;

import dev.keel.sqltext.SqlLexing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SQL text into statements; builds each statement's text and shape ({@link SqlStatement}). */
final class SqlSplitter {
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^COPY\\b.*\\bFROM\\s+STDIN\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern END_OF_DATA = Pattern.compile("(?m)^\\\\\\.[ \\t\\r]*$");

    private static final Pattern ATOMIC_BODY = Pattern.compile(
            "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\b.*?\\bBEGIN\\s+ATOMIC\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("\\bEND\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE = Pattern.compile("\\bCASE\\b", Pattern.CASE_INSENSITIVE);

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
            } else if (c == '\\') {
                // no SQL has a backslash outside quotes: a psql meta-command
                i = metaCommand(i);
            } else if (c == '\'') {
                begin(i);
                int end = SqlLexing.quoteEnd(sql, i, '\'', escapeString(i));
                text.append(sql, i, end);
                shape.append("'?'");
                i = end;
            } else if (c == '"') {
                begin(i);
                int end = SqlLexing.quoteEnd(sql, i, '"');
                text.append(sql, i, end);
                shape.append(sql, i, end);
                i = end;
            } else if (c == '$' && sql.startsWith("{", i + 1) && sql.indexOf('}', i) > 0) {
                // a Flyway placeholder (${schema}): a name the tool fills in, read as a quoted name
                begin(i);
                int end = sql.indexOf('}', i) + 1;
                text.append(sql, i, end);
                shape.append('"').append(sql, i, end).append('"');
                i = end;
            } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
                String tag = SqlLexing.dollarTag(sql, i);
                begin(i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? sql.length() : close + tag.length();
                text.append(sql, i, end);
                shape.append("$$?$$");
                i = end;
            } else if (c == ';' && inAtomicBody()) {
                text.append(c);
                shape.append(c);
                i++;
            } else if (c == ';') {
                finish();
                i = afterCopyData(i + 1);
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

    /**
     * Where SQL goes on after the statement just read: after its data when it is {@code COPY ... FROM STDIN}, whose
     * rows follow it up to a line {@code \.} (psql and Flyway read them so), else {@code i}.
     */
    private int afterCopyData(int i) {
        if (statements.isEmpty() || !COPY_FROM_STDIN.matcher(statements.get(statements.size() - 1).shape()).find()) {
            return i;
        }
        int end = sql.indexOf('\n', i);
        if (end < 0) {
            return sql.length();
        }
        Matcher m = END_OF_DATA.matcher(sql).region(end, sql.length());
        return m.find() ? m.end() : sql.length();
    }

    /**
     * Whether the statement read so far is a function or procedure whose SQL-standard body ({@code BEGIN ATOMIC ...
     * END}, PostgreSQL 14) is still open: its semicolons end the statements of the body, not the {@code CREATE}.
     */
    private boolean inAtomicBody() {
        Matcher m = ATOMIC_BODY.matcher(shape);
        if (!m.find()) {
            return false;
        }
        String body = shape.substring(m.end());
        return count(END, body) <= count(CASE, body);
    }

    private static int count(Pattern word, String s) {
        int n = 0;
        for (Matcher m = word.matcher(s); m.find(); ) {
            n++;
        }
        return n;
    }

    /**
     * Skips a psql meta-command ({@code \set ON_ERROR_STOP on}, {@code \connect db}, {@code \i file}): it runs to
     * the end of its line and is no SQL. {@code \g} and {@code \gexec} send the statement before them, as a
     * semicolon does. Returns the offset after the line.
     */
    private int metaCommand(int i) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        if (sql.startsWith("\\g", i)) {
            finish();
        }
        return end;
    }

    /** Whether the quote at {@code i} opens an escape string ({@code E'...'}), in which a backslash escapes the next character. */
    private boolean escapeString(int i) {
        return i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                && (i < 2 || !(Character.isLetterOrDigit(sql.charAt(i - 2)) || sql.charAt(i - 2) == '_' || sql.charAt(i - 2) == '$'));
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
