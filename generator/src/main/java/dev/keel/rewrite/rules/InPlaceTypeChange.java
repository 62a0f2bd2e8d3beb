package dev.keel.rewrite.rules;

import dev.keel.state.PgTypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column type changes PostgreSQL makes without rewriting the table (nor, with it, every index of it):
 * those whose old values are already valid values of the new type, stored the same way, so that
 * {@code ALTER COLUMN ... TYPE} only changes the catalog under a brief lock. PostgreSQL decides it per cast
 * (binary-coercible types, and the length coercions whose support function proves them a no-op); keel
 * knows these:
 *
 * <ul>
 *   <li>{@code varchar(n)} to {@code varchar(m)} with {@code m >= n}, to {@code varchar} or to {@code text};
 *       {@code text} and {@code varchar} (no length) to each other;</li>
 *   <li>{@code numeric(p,s)} to {@code numeric(q,s)} with {@code q >= p} (the same scale), or to {@code numeric};</li>
 *   <li>{@code timestamp(p)}, {@code time(p)} (with or without time zone) to the same type with a precision
 *       at least {@code p};</li>
 *   <li>{@code bit varying(n)} to {@code bit varying(m)} with {@code m >= n}, or to {@code bit varying}; {@code bit(n)} to
 *       {@code bit varying};</li>
 *   <li>{@code cidr} to {@code inet}.</li>
 * </ul>
 *
 * Anything else, arrays of these included, is a rewrite. So is {@code timestamp} to {@code timestamp with time zone} and
 * back, which PostgreSQL only does in place when the session's time zone is UTC, a setting keel cannot count on. {@code InPlaceTypeChangeTest} checks every pair of a
 * list of types against PostgreSQL itself (whether the table's file changes).
 */
public final class InPlaceTypeChange {
    private InPlaceTypeChange() {}

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern TEMPORAL = Pattern.compile("(timestamp|time)\\((\\d)\\)( with time zone)?");
    private static final Pattern VARBIT = Pattern.compile("bit varying\\((\\d+)\\)");

    /** Whether PostgreSQL changes a column of type {@code from} to type {@code to} without rewriting the table. */
    public static boolean of(String from, String to) {
        String f = spelled(from);
        String t = spelled(to);
        if (f.equals(t)) {
            return true;
        }
        if (isTextual(f) && (t.equals("text") || t.equals("varchar"))) {
            return true;
        }
        Matcher vf = VARCHAR.matcher(f);
        Matcher vt = VARCHAR.matcher(t);
        if (vf.matches() && vt.matches()) {
            return wider(vt.group(1), vf.group(1));
        }
        Matcher nf = NUMERIC.matcher(f);
        if (nf.matches()) {
            Matcher nt = NUMERIC.matcher(t);
            return t.equals("numeric") || nt.matches() && nf.group(2).equals(nt.group(2)) && wider(nt.group(1), nf.group(1));
        }
        Matcher tf = TEMPORAL.matcher(f);
        Matcher tt = TEMPORAL.matcher(t);
        if (tf.matches() && tt.matches()) {
            return tf.group(1).equals(tt.group(1)) && java.util.Objects.equals(tf.group(3), tt.group(3))
                    && wider(tt.group(2), tf.group(2));
        }
        Matcher bf = VARBIT.matcher(f);
        if (bf.matches()) {
            Matcher bt = VARBIT.matcher(t);
            return t.equals("bit varying") || bt.matches() && wider(bt.group(1), bf.group(1));
        }
        return f.equals("cidr") && t.equals("inet") || f.startsWith("bit(") && t.equals("bit varying");
    }

    private static String spelled(String type) {
        String canonical = PgTypes.canonical(type);
        return canonical.equals("varbit") ? "bit varying" : canonical;
    }

    private static boolean isTextual(String type) {
        return type.equals("text") || type.equals("varchar") || VARCHAR.matcher(type).matches();
    }

    private static boolean wider(String to, String from) {
        return Integer.parseInt(to) >= Integer.parseInt(from);
    }
}
