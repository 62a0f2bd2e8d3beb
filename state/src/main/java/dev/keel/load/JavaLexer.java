package dev.keel.load;

import com.github.javaparser.utils.LineSeparator;

import java.util.HashSet;
import java.util.Set;

/**
 * The tokenizer of keel's fast readers of Java source ({@link MigrationSyntax} for migration files, the scan's
 * {@code EntitySyntax} for entity files), which read the common shape of a file by recursive descent and decline
 * anything else to JavaParser.
 *
 * <p>It reads names, decimal int and long literals, one-line string literals and single punctuation characters,
 * skipping white space and comments, and {@linkplain Decline declines} whatever else it meets: text blocks,
 * char, floating, hex, octal, binary and underscored numbers, octal and invalid escapes, an unterminated
 * comment or string, any character outside the reader's punctuation. It does not look for unicode escapes:
 * the reader declines a text holding one before reading it (JavaParser translates them before lexing).
 * Each token's start and end offsets are kept, and the end of the token before it, for readers that give their
 * nodes ranges.
 *
 * <p>A reader chooses its punctuation characters and keywords (the names {@link #identifier()} refuses), and
 * whether a name or a number directly followed by a non-ASCII character declines (it may continue the name);
 * a reader that declines every non-ASCII text up front need not ask.
 */
public final class JavaLexer {
    /** Java's keywords and the contextual keywords JavaParser does not read as a name everywhere. */
    public static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_",
            // contextual keywords: JavaParser reads most of them as names, but not everywhere
            "var", "yield", "record", "sealed", "permits", "when", "module", "open", "opens", "requires", "exports",
            "to", "uses", "provides", "with", "transitive");

    /** The kinds of token. */
    public enum Kind { NAME, STRING, NUMBER, PUNCT, END }

    /** The text is outside the shape the reader reads; thrown without a stack trace, caught by the reader. */
    public static final class Decline extends RuntimeException {
        public static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final String punctuation;
    private final Set<String> keywords;
    private final boolean declineNonAscii;
    private int pos;
    private Kind kind;
    /** The current token: a name, a number's digits (with any L), a string's content as written. */
    private String image;
    /** The current punctuation character. */
    private char punct;
    /** Where the current token starts and ends (exclusive), and where the token before it ends. */
    private int tokenStart;
    private int tokenEnd;
    private int previousEnd;

    /**
     * A lexer of {@code text}, before its first token (call {@link #next()}).
     *
     * @param punctuation     the characters that are tokens of their own; any other character declines
     * @param keywords        the names that are no identifiers
     * @param declineNonAscii whether a name or a number directly followed by a non-ASCII character declines
     */
    public JavaLexer(String text, String punctuation, Set<String> keywords, boolean declineNonAscii) {
        this.text = text;
        this.punctuation = punctuation;
        this.keywords = keywords;
        this.declineNonAscii = declineNonAscii;
    }

    /** {@link #KEYWORDS} and {@code more}. */
    public static Set<String> keywordsAnd(String... more) {
        var all = new HashSet<>(KEYWORDS);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    // ---- the current token ------------------------------------------------------------------

    public Kind kind() {
        return kind;
    }

    /** The current name, number (its digits, with any L) or string (its content as written). */
    public String image() {
        return image;
    }

    /** The current punctuation character (when {@link #kind()} is {@code PUNCT}). */
    public char punct() {
        return punct;
    }

    /** The offset at which the current token starts. */
    public int start() {
        return tokenStart;
    }

    /** The offset just after the token before the current one. */
    public int previousEnd() {
        return previousEnd;
    }

    public boolean isWord(String word) {
        return kind == Kind.NAME && image.equals(word);
    }

    public boolean isPunct(char c) {
        return kind == Kind.PUNCT && punct == c;
    }

    /** Whether the current token is a name that is no keyword. */
    public boolean isIdentifier() {
        return kind == Kind.NAME && !keywords.contains(image);
    }

    /** The current token, a name that is no keyword; moves to the next token. */
    public String identifier() {
        if (!isIdentifier()) {
            throw Decline.INSTANCE;
        }
        return take();
    }

    /** Moves past the current token, the name {@code word}. */
    public void expectWord(String word) {
        if (!isWord(word)) {
            throw Decline.INSTANCE;
        }
        next();
    }

    /** Moves past the current token, the punctuation character {@code c}. */
    public void expect(char c) {
        if (!isPunct(c)) {
            throw Decline.INSTANCE;
        }
        next();
    }

    /** The current token's image; moves to the next token. */
    public String take() {
        String taken = image;
        next();
        return taken;
    }

    // ---- looking ahead and back -------------------------------------------------------------

    /** The character that starts the token after the current one, or 0 at the end. */
    public char peekPunct() {
        int p = skip(pos);
        return p < text.length() ? text.charAt(p) : 0;
    }

    /** Whether the token after the current one is a name (or keyword). */
    public boolean peekName() {
        int p = skip(pos);
        if (p >= text.length()) {
            return false;
        }
        char c = text.charAt(p);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    /** Whether the token after the current one is {@code word}. */
    public boolean peekWord(String word) {
        int p = skip(pos);
        int end = p + word.length();
        return text.startsWith(word, p) && (end >= text.length() || !isNamePart(text.charAt(end)));
    }

    /**
     * Goes back to the token that started at {@code start} after a token that ended at {@code previousEnd}
     * (both as {@link #start()} and {@link #previousEnd()} gave them then): the lexer is as it was there.
     */
    public void rewind(int start, int previousEnd) {
        pos = start;
        tokenEnd = previousEnd;
        next();
    }

    // ---- tokens -----------------------------------------------------------------------------

    /** Reads the next token, skipping white space and comments. */
    public void next() {
        previousEnd = tokenEnd;
        pos = skip(pos);
        tokenStart = pos;
        int n = text.length();
        if (pos >= n) {
            kind = Kind.END;
            tokenEnd = pos;
            return;
        }
        char c = text.charAt(pos);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$') {
            int start = pos;
            while (pos < n && isNamePart(text.charAt(pos))) {
                pos++;
            }
            if (declineNonAscii && pos < n && text.charAt(pos) >= 0x80) {
                throw Decline.INSTANCE; // a non-ASCII letter may continue the name
            }
            kind = Kind.NAME;
            image = text.substring(start, pos);
        } else if (c >= '0' && c <= '9') {
            number(c);
        } else if (c == '"') {
            string();
        } else if (punctuation.indexOf(c) >= 0) {
            if (c == '.' && pos + 1 < n && text.charAt(pos + 1) >= '0' && text.charAt(pos + 1) <= '9') {
                throw Decline.INSTANCE; // .5
            }
            kind = Kind.PUNCT;
            punct = c;
            pos++;
        } else {
            throw Decline.INSTANCE;
        }
        tokenEnd = pos;
    }

    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /** A decimal int or long literal; anything else that starts with a digit declines. */
    private void number(char first) {
        int start = pos;
        int n = text.length();
        while (pos < n && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (first == '0' && pos - start > 1) {
            throw Decline.INSTANCE; // octal
        }
        if (pos < n && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        if (pos < n && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.'
                || declineNonAscii && text.charAt(pos) >= 0x80)) {
            throw Decline.INSTANCE; // 0x1F, 1_000, 1.5, 2e3, 1f
        }
        kind = Kind.NUMBER;
        image = text.substring(start, pos);
    }

    /** A one-line string literal; its image is its text between the quotes, escapes as written. */
    private void string() {
        int n = text.length();
        if (text.startsWith("\"\"\"", pos)) {
            throw Decline.INSTANCE; // a text block
        }
        int start = ++pos;
        while (true) {
            if (pos >= n) {
                throw Decline.INSTANCE;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                break;
            }
            if (c == '\n' || c == '\r') {
                throw Decline.INSTANCE;
            }
            if (c == '\\') {
                if (pos + 1 >= n || "btnfrs\"'\\".indexOf(text.charAt(pos + 1)) < 0) {
                    throw Decline.INSTANCE; // octal escapes and invalid ones
                }
                pos++;
            }
            pos++;
        }
        kind = Kind.STRING;
        image = text.substring(start, pos);
        pos++;
    }

    /** The offset of the first character from {@code p} on that is not white space or in a comment. */
    private int skip(int p) {
        return skipSpaceAndComments(text, p);
    }

    /**
     * The offset of the first character of {@code text} from {@code p} on that is not Java white space (space, tab,
     * form feed, line ends) or in a comment.
     *
     * @throws Decline at a comment that does not end
     */
    public static int skipSpaceAndComments(String text, int p) {
        int n = text.length();
        while (p < n) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '/') {
                while (p < n && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                    p++;
                }
            } else if (c == '/' && p + 1 < n && text.charAt(p + 1) == '*') {
                int end = text.indexOf("*/", p + 2);
                if (end < 0) {
                    throw Decline.INSTANCE;
                }
                p = end + 2;
            } else {
                return p;
            }
        }
        return p;
    }

    /** The line separator JavaParser notes on a tree of {@code text} (its printer uses it), counted as JavaParser counts. */
    public static LineSeparator lineSeparator(String text) {
        if (text.indexOf('\r') < 0) {
            return LineSeparator.getLineEnding(0, text.indexOf('\n') < 0 ? 0 : 1, 0); // the common case, fast
        }
        int cr = 0;
        int lf = 0;
        int crlf = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                cr++;
            } else if (c == '\n') {
                lf++;
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                }
            }
        }
        return LineSeparator.getLineEnding(cr, lf, crlf);
    }
}
