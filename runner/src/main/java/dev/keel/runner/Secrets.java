package dev.keel.runner;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of what keel prints: passwords in JDBC URLs ({@code ?password=...},
 * {@code //user:secret@host}) and any known secret text in a message become {@link #MASK}.
 */
public final class Secrets {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:[?&;]|\\b)(?:ssl)?password=)([^&;\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]*)(@)");

    private Secrets() {}

    /** {@code url} with every password in it masked; null stays null. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }

    /** {@code text} with passwords in URLs masked, and every one of {@code secrets} (those not blank) too. */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = maskUrl(text);
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
