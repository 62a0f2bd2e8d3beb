package dev.keel.migration;

import java.util.regex.Pattern;

/**
 * The naming rule of migrations: a name is {@code NNNN_words} ({@code 0004_remove_post_legacy_flag})
 * and its class is {@code M} + name ({@code M0004_remove_post_legacy_flag}).
 */
public final class MigrationNames {
    private static final Pattern NAME = Pattern.compile("\\d{4,}_[A-Za-z0-9_]+");

    private MigrationNames() {}

    /** Whether {@code name} follows {@code NNNN_words}. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
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
