package dev.keel.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement of a {@code RunSql}, read well enough to lint it: {@code text} as written (comments
 * dropped), and {@code shape}, the same with string literals and dollar-quoted bodies blanked and
 * whitespace collapsed, which is what the rules match their patterns against (case-insensitively), and
 * {@code line}, the line of the SQL text on which the statement starts (1 for the first).
 */
public record SqlStatement(String text, String shape, int line) {
    /** A statement whose line in its text is not known (the first). */
    public SqlStatement(String text, String shape) {
        this(text, shape, 1);
    }

    /** A table, index or constraint name, maybe quoted, maybe schema-qualified; use it inside a group. */
    public static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)"
            + "(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?";
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DML = Pattern.compile("^(?:INSERT|UPDATE|DELETE|MERGE|COPY)\\b|^WITH\\b.*\\b(?:INSERT|UPDATE|DELETE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DML_INSIDE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DO_BLOCK = Pattern.compile(
            "^DO\\s+(?:LANGUAGE\\s+(\\S+)\\s+)?(?:(\\$[A-Za-z_0-9]*\\$)(.*)\\2|'((?:[^']|'')*)')(?:\\s+LANGUAGE\\s+(\\S+))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** What opens a PL/pgSQL block or control structure before the statement it holds. */
    private static final Pattern PLPGSQL_PREFIX = Pattern.compile(
            "^(?:<<\\s*\\w+\\s*>>|BEGIN\\b|LOOP\\b|ELSE\\b|EXCEPTION\\b|THEN\\b"
                    + "|(?:IF|ELSIF|ELSEIF|WHEN|CASE\\s+WHEN)\\b.*?\\bTHEN\\b|(?:FOR|FOREACH|WHILE)\\b.*?\\bLOOP\\b)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The statements of an SQL text, split at semicolons outside quotes, dollar quotes and comments. */
    public static List<SqlStatement> split(String sql) {
        return new SqlSplitter(sql).statements();
    }

    /** The lines of its SQL text the statement spans, from the one it starts on. */
    public Span span() {
        return new Span(line, line + (int) text.chars().filter(c -> c == '\n').count());
    }

    /** Matches {@code regex} against the start of the shape, case-insensitively. */
    public Optional<Matcher> match(String regex) {
        Matcher m = Pattern.compile("^(?:" + regex + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(shape);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** Whether the shape starts with {@code regex}. */
    public boolean is(String regex) {
        return match(regex).isPresent();
    }

    /** Whether {@code regex} occurs anywhere in the shape. */
    public boolean contains(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(shape).find();
    }

    /** The table of an {@code ALTER TABLE} statement, as keel's state names it. */
    public Optional<String> alteredTable() {
        Matcher m = ALTER_TABLE.matcher(shape);
        return m.matches() ? Optional.of(tableName(m.group(1))) : Optional.empty();
    }

    /** The actions of an {@code ALTER TABLE} statement ({@code ADD COLUMN ...}, {@code DROP COLUMN ...}), split at top-level commas. */
    public List<String> actions() {
        Matcher m = ALTER_TABLE.matcher(shape);
        if (!m.matches()) {
            return List.of();
        }
        var actions = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        String rest = m.group(2);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                actions.add(rest.substring(start, i).strip());
                start = i + 1;
            }
        }
        actions.add(rest.substring(start).strip());
        return actions;
    }

    /** Whether the statement changes rows (INSERT, UPDATE, DELETE, MERGE, COPY, or a DO block that does). */
    public boolean isData() {
        return DML.matcher(shape).find() || is("DO\\b") && DML_INSIDE.matcher(text).find();
    }

    /** Whether this is a {@code DO} block (anonymous code). */
    public boolean isDoBlock() {
        return is("DO\\b");
    }

    /** The language of a {@code DO} block, lower case ({@code plpgsql} unless it says otherwise); empty for other statements. */
    public Optional<String> doLanguage() {
        Matcher m = DO_BLOCK.matcher(text);
        if (!m.matches()) {
            return isDoBlock() ? Optional.of("?") : Optional.empty();
        }
        String language = m.group(1) != null ? m.group(1) : m.group(5) != null ? m.group(5) : "plpgsql";
        return Optional.of(language.replace("'", "").replace("\"", "").toLowerCase(Locale.ROOT));
    }

    /**
     * The statements inside a {@code DO} block's body, each without the PL/pgSQL that opens the block or
     * control structure around it ({@code BEGIN}, {@code IF ... THEN}, {@code LOOP}), so that they read as
     * SQL statements ({@code UPDATE ...}, {@code EXECUTE ...}, {@code GET DIAGNOSTICS ...}, {@code END LOOP});
     * empty for other statements.
     */
    public List<SqlStatement> inner() {
        Matcher m = DO_BLOCK.matcher(text);
        if (!m.matches()) {
            return List.of();
        }
        String body = m.group(3) != null ? m.group(3) : m.group(4).replace("''", "'");
        var result = new ArrayList<SqlStatement>();
        for (SqlStatement s : split(body)) {
            String t = s.text;
            String sh = s.shape;
            for (Matcher p = PLPGSQL_PREFIX.matcher(sh); p.lookingAt() && p.end() > 0; p = PLPGSQL_PREFIX.matcher(sh)) {
                sh = sh.substring(p.end());
                Matcher q = PLPGSQL_PREFIX.matcher(t);
                t = q.lookingAt() ? t.substring(q.end()) : t;
            }
            if (!sh.isBlank()) {
                result.add(new SqlStatement(t.strip(), sh.strip()));
            }
        }
        return result;
    }

    private static final Pattern SCHEMA_CHANGE = Pattern.compile("^(?:CREATE|ALTER|DROP|TRUNCATE|COMMENT|GRANT|REVOKE|LOCK|CLUSTER"
            + "|VACUUM|REINDEX|REFRESH|SECURITY\\s+LABEL|IMPORT\\s+FOREIGN|REASSIGN|ANALY[SZ]E|CALL)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Why lint cannot read what PL/pgSQL or SQL code does (a {@code DO} block's or a function's body), if
     * it cannot: dynamic SQL ({@code EXECUTE}), SQL over dblink, or a schema change, which the rules do
     * not check inside code.
     */
    public static Optional<String> unreadableCode(String code) {
        for (SqlStatement inner : new SqlStatement("DO $lint$" + code + "$lint$", "DO $$?$$").inner()) {
            if (inner.contains("\\bEXECUTE\\b")) {
                return Optional.of("it runs dynamic SQL (EXECUTE), which lint cannot read: " + inner.abbreviated());
            }
            if (inner.contains("\\bdblink(?:_exec|_send_query)?\\s*\\(")) {
                return Optional.of("it runs SQL over dblink, which lint cannot check: " + inner.abbreviated());
            }
            if (SCHEMA_CHANGE.matcher(inner.shape()).find()) {
                return Optional.of("it changes the schema (" + inner.abbreviated() + "), which lint does not check inside code");
            }
        }
        return Optional.empty();
    }

    /** The shape, cut to 80 characters for a message. */
    public String abbreviated() {
        return shape.length() <= 80 ? shape : shape.substring(0, 77) + "...";
    }

    /** This statement, and the statements inside it when it is a {@code DO} block: what the rules that look inside read. */
    public List<SqlStatement> withInner() {
        var all = new ArrayList<SqlStatement>();
        all.add(this);
        all.addAll(inner());
        return all;
    }

    /**
     * A name as keel's state writes tables: unquoted parts folded to lower case, quotes removed, and the
     * default schema {@code public} left out ({@code "Audit".Log} gives {@code Audit.log}).
     */
    public static String tableName(String written) {
        var parts = new ArrayList<String>();
        Matcher m = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)").matcher(written);
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2).toLowerCase(Locale.ROOT));
        }
        if (parts.size() == 2 && parts.get(0).equals("public")) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }
}
