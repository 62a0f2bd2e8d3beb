package dev.keel.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The escape hatch: {@code // keel:allow RULE: REASON} on the line of an operation (any of its lines) or
 * on the line just above it lets that operation do what rule RULE forbids. The reason is required: an
 * allow without one allows nothing and is itself a finding.
 *
 * @param line   the line of the comment
 * @param rule   the rule it allows
 * @param reason why it is safe here; empty when missing
 */
public record AllowComment(int line, String rule, String reason) {
    private static final Pattern ALLOW = Pattern.compile("//\\s*keel:allow\\b\\s*([A-Za-z0-9_-]*)\\s*(?::\\s*(.*?))?\\s*$");
    private static final Pattern SQL_ALLOW = Pattern.compile("--\\s*keel:allow\\b\\s*([A-Za-z0-9_-]*)\\s*(?::\\s*(.*?))?\\s*$");

    /** Every allow comment of a Java source text, in line order. */
    public static List<AllowComment> find(String text) {
        return find(text, ALLOW);
    }

    /** Every allow comment of an SQL file ({@code -- keel:allow RULE: REASON}), in line order. */
    public static List<AllowComment> findInSql(String text) {
        return find(text, SQL_ALLOW);
    }

    private static List<AllowComment> find(String text, Pattern pattern) {
        var found = new ArrayList<AllowComment>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = pattern.matcher(lines[i]);
            if (m.find()) {
                found.add(new AllowComment(i + 1, m.group(1), m.group(2) == null ? "" : m.group(2)));
            }
        }
        return found;
    }

    /** Whether this comment carries a reason. */
    public boolean hasReason() {
        return !reason.isBlank();
    }

    /** Whether this comment allows {@code rule} for something spanning lines {@code first..last}. */
    public boolean covers(String ruleName, int first, int last) {
        return hasReason() && rule.equals(ruleName) && line >= first - 1 && line <= last;
    }
}
