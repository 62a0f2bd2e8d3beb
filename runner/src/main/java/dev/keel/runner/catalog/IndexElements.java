package dev.keel.runner.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One spelling for an index element, whether it comes from keel's state or from PostgreSQL's catalog. */
final class IndexElements {
    private IndexElements() {}

    private static final Pattern ELEMENT = Pattern.compile(
            "(?is)\\s*(.+?)(?:\\s+([a-z_][a-z0-9_]*_ops))?(?:\\s+(asc|desc))?(?:\\s+nulls\\s+(first|last))?\\s*");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

    /**
     * {@code name} or an expression, then a non-default operator class, then {@code DESC}, then
     * {@code NULLS FIRST} or {@code NULLS LAST} where it is not the default for the direction.
     */
    static String of(String columnOrExpression, String opclass, boolean descending, boolean nullsFirst) {
        var sb = new StringBuilder(columnOrExpression);
        if (opclass != null) {
            sb.append(' ').append(opclass.toLowerCase(Locale.ROOT));
        }
        if (descending) {
            sb.append(" DESC");
            if (!nullsFirst) {
                sb.append(" NULLS LAST");
            }
        } else if (nullsFirst) {
            sb.append(" NULLS FIRST");
        }
        return sb.toString();
    }

    /** An element as keel's state writes it ({@code "created DESC"}, {@code "lower(email)"}) in the same spelling. */
    static String fromState(String element) {
        Matcher m = ELEMENT.matcher(element);
        if (!m.matches()) {
            return element.trim();
        }
        String head = m.group(1);
        Matcher q = QUOTED.matcher(head);
        if (q.matches()) {
            head = q.group(1).replace("\"\"", "\"");
        }
        boolean desc = m.group(3) != null && m.group(3).equalsIgnoreCase("desc");
        boolean nullsFirst = m.group(4) == null ? desc : m.group(4).equalsIgnoreCase("first");
        return of(head, m.group(2), desc, nullsFirst);
    }
}
