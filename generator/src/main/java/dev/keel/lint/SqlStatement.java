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
 * whitespace collapsed, which is what the rules match their patterns against (case-insensitively).
 */
public record SqlStatement(String text, String shape) {
    /** A table, index or constraint name, maybe quoted, maybe schema-qualified; use it inside a group. */
    public static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)"
            + "(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?";
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DML = Pattern.compile("^(?:INSERT|UPDATE|DELETE|MERGE|COPY)\\b|^WITH\\b.*\\b(?:INSERT|UPDATE|DELETE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DML_INSIDE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The statements of an SQL text, split at semicolons outside quotes, dollar quotes and comments. */
    public static List<SqlStatement> split(String sql) {
        return new SqlSplitter(sql).statements();
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
