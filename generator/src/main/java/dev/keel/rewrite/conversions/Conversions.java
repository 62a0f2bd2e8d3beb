package dev.keel.rewrite.conversions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.keel.rewrite.conversions.SqlExpressions.ident;

/**
 * The conversions keel knows for a column type change PostgreSQL cannot do in place, one small rule per kind.
 * Types are keel's canonical spellings ({@code dev.keel.state.PgTypes}). A conversion keel cannot derive safely
 * (text to jsonb, timestamp to timestamptz, anything else) has no forward expression: the user gives it.
 */
public final class Conversions {
    private Conversions() {}

    /** One kind of conversion: empty when it does not apply to these types. */
    interface Rule {
        Optional<Conversion> of(String from, String to);
    }

    static final List<Rule> RULES = List.of(
            Conversions::integerWidening,
            Conversions::integerToNumeric,
            Conversions::textShrink,
            Conversions::timestampToTimestamptz,
            Conversions::textToJson);

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    /** The conversion from {@code from} to {@code to}: one of the known kinds, else one the user must write. */
    public static Conversion of(String from, String to) {
        for (Rule rule : RULES) {
            Optional<Conversion> c = rule.of(from, to);
            if (c.isPresent()) {
                return c.get();
            }
        }
        return new Conversion("user-expression", null, c -> ident(c) + "::" + (from.startsWith("varchar") ? "text" : from), 0,
                "x::" + to, castIsTotal(to, from));
    }

    /** smallint to integer or bigint, integer to bigint: every value fits; back, values out of range give NULL. */
    static Optional<Conversion> integerWidening(String from, String to) {
        int f = INTEGERS.indexOf(from);
        int t = INTEGERS.indexOf(to);
        if (f < 0 || t <= f) {
            return Optional.empty();
        }
        return Optional.of(new Conversion("integer-widening", c -> ident(c) + "::" + to,
                c -> inRange(ident(c), from), 0, null, true));
    }

    /** An integer to numeric: exact (a numeric(p, s) too small for a value fails loudly, it does not round). */
    static Optional<Conversion> integerToNumeric(String from, String to) {
        if (!INTEGERS.contains(from) || !NUMERIC.matcher(to).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Conversion("integer-to-numeric", c -> ident(c) + "::" + to,
                c -> "CASE WHEN " + ident(c) + " = trunc(" + ident(c) + ") THEN " + inRange(ident(c), from) + " END", 0, null, true));
    }

    /**
     * text or varchar(n) to varchar(m), m smaller: the value is kept as it is (a cast to varchar(m) would cut it
     * short); the new column's type and a {@code CHECK (char_length(new) <= m)} refuse a longer value, so a write
     * or the backfill fails loudly with the row instead of losing characters. Back: the value as it is.
     */
    static Optional<Conversion> textShrink(String from, String to) {
        Matcher t = VARCHAR.matcher(to);
        if (!t.matches()) {
            return Optional.empty();
        }
        int m = Integer.parseInt(t.group(1));
        Matcher f = VARCHAR.matcher(from);
        boolean shrink = from.equals("text") || from.equals("varchar") || (f.matches() && Integer.parseInt(f.group(1)) > m);
        if (!shrink) {
            return Optional.empty();
        }
        return Optional.of(new Conversion("varchar-shrink", SqlExpressions::ident, SqlExpressions::ident, m, null, true));
    }

    /**
     * timestamp to timestamptz: what a stored timestamp means depends on the code that wrote it (UTC, the
     * server's zone, the user's), so keel asks; {@code x AT TIME ZONE 'UTC'} reads them as UTC. Back: the same
     * instant in UTC.
     */
    static Optional<Conversion> timestampToTimestamptz(String from, String to) {
        if (!from.startsWith("timestamp(") || from.endsWith("with time zone") || !to.startsWith("timestamp(")
                || !to.endsWith("with time zone")) {
            return Optional.empty();
        }
        return Optional.of(new Conversion("timestamp-to-timestamptz", null,
                c -> "(" + ident(c) + " AT TIME ZONE 'UTC')::" + from, 0, "x AT TIME ZONE 'UTC'", true));
    }

    /**
     * text or varchar to json or jsonb: a value that is not JSON would fail the cast, and what to do with it
     * (fail, NULL, wrap it as a JSON string) is the user's call. Back: the JSON text (total only into an unbounded
     * text column).
     */
    static Optional<Conversion> textToJson(String from, String to) {
        boolean text = from.equals("text") || from.startsWith("varchar");
        if (!text || !(to.equals("jsonb") || to.equals("json"))) {
            return Optional.empty();
        }
        // back as text: a cast to varchar(n) would cut a longer JSON text short; into varchar(n) it may not fit
        return Optional.of(new Conversion("text-to-json", null, c -> ident(c) + "::text", 0, "x::" + to, !from.startsWith("varchar(")));
    }

    /**
     * Whether every value of type {@code from} casts to {@code to} without an error: to unbounded text, to a wider
     * integer, from an integer to unbounded numeric.
     */
    static boolean castIsTotal(String from, String to) {
        if (to.equals("text") || to.equals("varchar") || from.equals(to)) {
            return true;
        }
        int f = INTEGERS.indexOf(from);
        return f >= 0 && (INTEGERS.indexOf(to) > f || to.equals("numeric"));
    }

    /** {@code expr} as the integer type {@code type}, or NULL when it does not fit. */
    private static String inRange(String expr, String type) {
        String[] bounds = switch (type) {
            case "smallint" -> new String[] {"-32768", "32767"};
            case "integer" -> new String[] {"-2147483648", "2147483647"};
            default -> new String[] {"-9223372036854775808", "9223372036854775807"};
        };
        return "CASE WHEN " + expr + " BETWEEN " + bounds[0] + " AND " + bounds[1] + " THEN " + expr + "::" + type + " END";
    }
}
