package dev.keel.runner.internal;

import dev.keel.sqltext.SqlLexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement is to the statement timeout and to the phases: an index build or a validation, which
 * holds no lock that blocks writes while it runs and so needs no statement timeout; a finishing step that
 * needs a built index or a validated constraint ({@code ADD CONSTRAINT ... USING INDEX}, {@code SET NOT NULL}
 * after a validated check, dropping the check); or other work. Reads keel's statements and hand-written
 * {@code RunSql} text alike (comments, quoted names, several statements). Pure.
 */
public final class BuildStatements {
    /** What one statement does. */
    public enum Kind {
        /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}: reads the whole table, blocks no writer. */
        BUILD,
        /** {@code ALTER TABLE ... VALIDATE CONSTRAINT}: scans the table under a lock that lets writes go on. */
        VALIDATE,
        /** Brief steps that finish builds and validations, or go with them (dropping an index concurrently, renaming one). */
        FINISH,
        /** Anything else: schema changes, data changes, Java code. */
        OTHER
    }

    /**
     * One statement: its kind and the relation it works on as written ({@code "Sales".orders}, an index
     * for {@code REINDEX INDEX}), or null when it names none (a {@code REINDEX SCHEMA}, other work).
     */
    public record Work(Kind kind, String relation, String statement) {
        /** Whether it needs no statement timeout: a concurrent build or a validation. */
        public boolean untimed() {
            return kind == Kind.BUILD || kind == Kind.VALIDATE;
        }
    }

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QNAME = "(?:" + IDENT + "\\.){0,2}" + IDENT;
    private static final String TABLE = "ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + QNAME + ") ";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE (?:UNIQUE )?INDEX CONCURRENTLY"
            + " (?:IF NOT EXISTS )?(?:(?!ON )" + IDENT + " )?ON (?:ONLY )?(" + QNAME + ")(?=[ (]|$).*");
    private static final Pattern REINDEX = Pattern.compile("(?is)REINDEX (?:\\([^)]*\\) )?(INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)"
            + " CONCURRENTLY(?: (" + QNAME + "))?");
    private static final Pattern VALIDATE = Pattern.compile("(?is)" + TABLE + "VALIDATE CONSTRAINT " + IDENT);
    private static final Pattern FINISH_ALTER = Pattern.compile("(?is)" + TABLE + "(?:ADD CONSTRAINT " + IDENT
            + " (?:UNIQUE|PRIMARY KEY) USING INDEX " + IDENT + "(?: (?:NOT )?DEFERRABLE)?(?: INITIALLY (?:DEFERRED|IMMEDIATE))?"
            + "|ALTER (?:COLUMN )?" + IDENT + " SET NOT NULL|DROP CONSTRAINT (?:IF EXISTS )?" + IDENT + "(?: RESTRICT)?"
            + "|RENAME CONSTRAINT " + IDENT + " TO " + IDENT + ")");
    private static final Pattern FINISH_OTHER = Pattern.compile("(?is)DROP INDEX CONCURRENTLY (?:IF EXISTS )?" + QNAME
            + "|ALTER INDEX (?:IF EXISTS )?" + QNAME + " RENAME TO " + IDENT + "|ANALYZE\\b.*|COMMENT ON (?:INDEX|CONSTRAINT)\\b.*");
    private BuildStatements() {}

    /** The statements of {@code sql} (comments left out, whitespace outside quotes made single spaces), each with its kind. */
    public static List<Work> of(String sql) {
        return split(sql).stream().map(BuildStatements::classify).toList();
    }

    /** Whether {@code sql} is only concurrent builds and validations (at least one): it runs without a statement timeout. */
    public static boolean untimed(String sql) {
        List<Work> all = of(sql);
        return !all.isEmpty() && all.stream().allMatch(Work::untimed);
    }

    /** The kind of one statement (without its {@code ;}). */
    static Work classify(String statement) {
        Matcher m = CREATE_INDEX.matcher(statement);
        if (m.matches()) {
            return new Work(Kind.BUILD, m.group(1), statement);
        }
        m = REINDEX.matcher(statement);
        if (m.matches()) {
            String what = m.group(1).toUpperCase(Locale.ROOT);
            return new Work(Kind.BUILD, what.equals("INDEX") || what.equals("TABLE") ? m.group(2) : null, statement);
        }
        m = VALIDATE.matcher(statement);
        if (m.matches()) {
            return new Work(Kind.VALIDATE, m.group(1), statement);
        }
        m = FINISH_ALTER.matcher(statement);
        if (m.matches()) {
            return new Work(Kind.FINISH, m.group(1), statement);
        }
        if (FINISH_OTHER.matcher(statement).matches()) {
            return new Work(Kind.FINISH, null, statement);
        }
        return new Work(Kind.OTHER, null, statement);
    }

    /** The statements of {@code sql}: split at {@code ;} outside quotes, comments and dollar quotes; empty ones left out. */
    static List<String> split(String sql) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                space(current);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = SqlLexing.blockCommentEnd(sql, i);
                space(current);
            } else if (c == '\'' || c == '"') {
                int end = SqlLexing.quoteEnd(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (c == '$' && SqlLexing.dollarTag(sql, i) != null) {
                String tag = SqlLexing.dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? sql.length() : close + tag.length();
                current.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(out, current);
                current = new StringBuilder();
                i++;
            } else if (Character.isWhitespace(c)) {
                space(current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static void space(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
    }



}
