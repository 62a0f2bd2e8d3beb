package dev.keel.runner.internal;

/**
 * Whether a statement's text can be joined with others into one simple-protocol {@code Query} ({@link OneQuery}) and
 * still be the one statement it is when sent alone: followed by a line end and a semicolon, PostgreSQL's lexer ends
 * the statement at that semicolon, and at no other. That holds when the text ends outside any quoted string, quoted
 * identifier and block comment, holds no semicolon outside them, and holds something besides spaces and comments (a
 * statement of comments only would be an empty statement, which completes without a message and would shift the count
 * of those completed).
 *
 * <p>Conservative: {@code false} whenever the answer depends on more than this scan follows (a dollar sign, which may
 * open a dollar-quoted body; a backslash, which escapes a quote in an {@code E'...'} string or with
 * {@code standard_conforming_strings} off); such a text is sent as today, as a statement of its own in the
 * extended protocol. A block comment nests, as in PostgreSQL; a line comment ends at a line end or a carriage return.
 */
final class Separable {
    private Separable() {}

    /** Whether {@code text} is one statement that ends where {@link OneQuery}'s separator follows it. */
    static boolean alone(String text) {
        boolean token = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '$' || c == '\\' || c == ';') {
                return false;
            } else if (c == '\'' || c == '"') {
                i = closing(text, i, c);
                if (i < 0) {
                    return false;
                }
                token = true;
            } else if (c == '-' && next == '-') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++; // the separator's line end ends a comment on the last line
                }
            } else if (c == '/' && next == '*') {
                i = commentEnd(text, i);
                if (i < 0) {
                    return false;
                }
            } else {
                token |= !Character.isWhitespace(c);
                i++;
            }
        }
        return token;
    }

    /**
     * After the quote {@code quote} opened at {@code at} (a doubled one stands for itself): the index after the one
     * that closes it; -1 when none does, or a backslash inside might escape one.
     */
    private static int closing(String text, int at, char quote) {
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '\'') {
                return -1;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** After the block comment opened at {@code at}, nested ones within it: the index after its end; -1 when it has none. */
    private static int commentEnd(String text, int at) {
        int depth = 0;
        int i = at;
        while (i + 1 < text.length()) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c == '/' && next == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }
}
