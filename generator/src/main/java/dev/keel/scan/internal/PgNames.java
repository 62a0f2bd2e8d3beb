package dev.keel.scan.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names PostgreSQL chooses for constraints that the DDL leaves unnamed ({@code makeObjectName} and
 * {@code ChooseConstraintName} in its sources): {@code table_column_key}, {@code table_pkey},
 * {@code table_column_check}, shortened to 63 bytes by trimming the longer part first, and numbered
 * ({@code _check1}) when the name is taken.
 */
public final class PgNames {
    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    private final Set<String> taken = new HashSet<>();
    private boolean numbered;

    /** Whether a name was numbered because the plain one was taken (then names depend on the order of the tables). */
    public boolean numbered() {
        return numbered;
    }

    /** {@code makeObjectName(name1, name2, label)}: name2 may be null. */
    public static String makeObjectName(String name1, String name2, String label) {
        int overhead = (name2 != null ? 1 : 0) + (label != null ? label.length() + 1 : 0);
        int avail = MAX_BYTES - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > avail) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        var sb = new StringBuilder(clip(name1, n1));
        if (name2 != null) {
            sb.append('_').append(clip(name2, n2));
        }
        if (label != null) {
            sb.append('_').append(label);
        }
        return sb.toString();
    }

    /** Chooses a name not yet taken in this scope, numbering the label as PostgreSQL does. */
    public String choose(String name1, String name2, String label) {
        String name = makeObjectName(name1, name2, label);
        for (int pass = 1; taken.contains(name); pass++) {
            name = makeObjectName(name1, name2, label + pass);
            numbered = true;
        }
        taken.add(name);
        return name;
    }

    /** Marks an explicit name as taken in this scope. */
    public void take(String name) {
        taken.add(name);
    }

    /** A name cut to PostgreSQL's 63 bytes, as it stores an over-long identifier. */
    public static String truncate(String name) {
        return clip(name, Math.min(bytes(name), MAX_BYTES));
    }

    private static int bytes(String s) {
        if (ascii(s)) {
            return s.length();
        }
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of at most {@code maxBytes} UTF-8 bytes that does not split a character. */
    private static String clip(String s, int maxBytes) {
        if (ascii(s)) {
            return s.length() <= maxBytes ? s : s.substring(0, maxBytes);
        }
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF) ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // a lone surrogate is encoded as "?"
            if (used + len > maxBytes) {
                break;
            }
            used += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
