package dev.keel.runner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of what keel prints: passwords in JDBC URLs ({@code ?password=...},
 * {@code //user:secret@host}) and any known secret text in a message become {@link #MASK}. Only the
 * secret itself is replaced: the text around it stays as it was.
 */
public final class Secrets {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** The URL parameters that hold secrets. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

    /** A JDBC URL in running text: up to white space or a quote. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("jdbc:postgresql:[^\\s\"'`<>]*");

    /** A {@code password=VALUE} outside a URL: the value ends at white space, a separator or a closing bracket. */
    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)(?<![\\w.])((?:ssl)?password\\s*=\\s*)([^\\s&;,\"'`)\\]}>]+)");

    /** Punctuation that ends a sentence rather than a URL. */
    private static final String TRAILING = ".,;:!?)]}";

    private Secrets() {}

    /** {@code url} with every password in it masked; null stays null. Everything else is kept as written. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf(JdbcUrl.PREFIX);
        if (start < 0) {
            return maskSettings(url);
        }
        int q = url.indexOf('?', start);
        String head = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? null : url.substring(q + 1);
        int slashes = head.indexOf("//", start);
        if (slashes >= 0) {
            int at = head.lastIndexOf('@');
            if (at > slashes) {
                String userInfo = head.substring(slashes + 2, at);
                int colon = userInfo.indexOf(':');
                if (colon >= 0) {
                    head = head.substring(0, slashes + 2) + userInfo.substring(0, colon + 1) + MASK + head.substring(at);
                }
            }
        }
        if (query == null) {
            return head;
        }
        var masked = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            masked.append(masked.length() == 0 ? "" : "&").append(eq >= 0 && SECRET_PARAMETERS.contains(key.toLowerCase(Locale.ROOT))
                    ? key + "=" + MASK : pair);
        }
        return head + "?" + masked;
    }

    /**
     * {@code text} with the passwords of the JDBC URLs in it masked, {@code password=VALUE} settings masked,
     * and every one of {@code secrets} (those not blank, also URL-encoded) masked where it stands as a whole:
     * not where it is only part of a longer word ("hunter2" stays in "hunter2b"). A secret that is a short
     * plain word ({@link #distinctive}) is masked only where it stands as a password (URLs, settings): in
     * running text it would also hide keel's own words ("run keel migrate again" when the password is
     * {@code keel}, the user's name when user and password are both {@code postgres}).
     */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = maskUrlsIn(text);
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank() && distinctive(secret)) {
                masked = replaceWhole(masked, secret);
                String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                if (!encoded.equals(secret)) {
                    masked = replaceWhole(masked, encoded);
                }
            }
        }
        return masked;
    }

    private static String maskUrlsIn(String text) {
        Matcher m = URL_IN_TEXT.matcher(text);
        var out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            out.append(maskSettings(text.substring(last, m.start()))).append(maskUrl(url.substring(0, end)))
                    .append(url, end, url.length());
            last = m.end();
        }
        return out.append(maskSettings(text.substring(last))).toString();
    }

    private static String maskSettings(String text) {
        return PASSWORD_SETTING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * Whether a secret is told apart from ordinary words, and so masked wherever it stands in running text: it
     * holds something other than letters (a digit, a sign) or is 12 letters or longer. Development passwords
     * such as {@code postgres}, {@code secret} or {@code keel} are words a message may hold for another reason.
     */
    static boolean distinctive(String secret) {
        return secret.length() >= 12 || !secret.chars().allMatch(Character::isLetter);
    }

    /** {@code text} with each whole occurrence of {@code secret} masked: not one inside a longer word. */
    private static String replaceWhole(String text, String secret) {
        var out = new StringBuilder();
        int from = 0;
        int i;
        while ((i = text.indexOf(secret, from)) >= 0) {
            int end = i + secret.length();
            boolean joinedBefore = i > 0 && word(text.charAt(i - 1)) && word(secret.charAt(0));
            boolean joinedAfter = end < text.length() && word(text.charAt(end)) && word(secret.charAt(secret.length() - 1));
            out.append(text, from, i).append(joinedBefore || joinedAfter ? secret : MASK);
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
