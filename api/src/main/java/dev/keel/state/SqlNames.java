package dev.keel.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and renames column names inside SQL text (check expressions, index expressions), as
 * PostgreSQL does when a column is dropped or renamed. String literals are skipped; unquoted
 * names fold to lower case, quoted ones are taken as written.
 */
final class SqlNames {
    private SqlNames() {}

    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)|::\\s*[A-Za-z_][A-Za-z0-9_ ]*");
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Whether {@code sql} names the column {@code column}. */
    static boolean mentions(String sql, String column) {
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            if (column.equals(name(m))) {
                return true;
            }
        }
        return false;
    }

    /** {@code sql} with the column {@code from} called {@code to}. */
    static String rename(String sql, String from, String to) {
        Matcher m = TOKEN.matcher(sql);
        var sb = new StringBuilder();
        while (m.find()) {
            String replacement = from.equals(name(m))
                    ? (PLAIN.matcher(to).matches() ? to : '"' + to.replace("\"", "\"\"") + '"') : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String name(Matcher m) {
        if (m.group(1) != null) {
            return m.group(1).replace("\"\"", "\"");
        }
        return m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
    }
}
