package dev.keel.migration;

import java.util.regex.Pattern;

/**
 * The naming rule of migrations: a name is {@code NNNN_words} ({@code 0004_remove_post_legacy_flag})
 * and its class is {@code M} + name ({@code M0004_remove_post_legacy_flag}).
 */
public final class MigrationNames {
    /** The rule, as a pattern (what {@link #isValidName} checks by hand; {@code MigrationNamesTest} compares them). */
    static final Pattern NAME = Pattern.compile("\\d{4,}_[A-Za-z0-9_]+");

    private MigrationNames() {}

    /**
     * Whether {@code name} follows {@code NNNN_words}: what {@link #NAME} matches (ASCII digits, at least four, an
     * underscore, then at least one ASCII letter, digit or underscore), without a matcher: every migration file's
     * name is checked on every read.
     */
    public static boolean isValidName(String name) {
        if (name == null) {
            return false;
        }
        int n = name.length();
        int digits = 0;
        while (digits < n && name.charAt(digits) >= '0' && name.charAt(digits) <= '9') {
            digits++;
        }
        if (digits < 4 || digits + 1 >= n || name.charAt(digits) != '_') {
            return false;
        }
        for (int i = digits + 1; i < n; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code className} is a migration class name ({@code M0001_initial}). */
    public static boolean isMigrationClassName(String className) {
        return className != null && className.startsWith("M") && isValidName(className.substring(1));
    }

    /** {@code 0004_remove_post} -> {@code M0004_remove_post}. */
    public static String className(String name) {
        return "M" + name;
    }

    /** {@code M0004_remove_post} -> {@code 0004_remove_post}. */
    public static String nameOfClass(String className) {
        if (!isMigrationClassName(className)) {
            throw new IllegalArgumentException(className + " is not a migration class name (M + NNNN_words)");
        }
        return className.substring(1);
    }

    /** The number a name starts with: {@code 0004_remove_post} -> 4. */
    public static int number(String name) {
        return Integer.parseInt(name.substring(0, name.indexOf('_')));
    }

    /** The name for number {@code n} and the words: {@code (4, "remove_post")} -> {@code 0004_remove_post}. */
    public static String name(int n, String words) {
        return String.format("%04d_%s", n, words);
    }
}
