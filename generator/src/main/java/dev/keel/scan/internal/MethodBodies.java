package dev.keel.scan.internal;

import dev.keel.load.JavaLexer;

/**
 * Blanks what the entity scan never reads out of a source file before it is parsed: the bodies of methods and
 * constructors, and initializer blocks.
 *
 * <p>Why: a real project's source roots hold many more classes than entities (services, controllers,
 * repositories, tests' helpers), and the scan must index every one of them (an entity may name any of their types
 * or constants). Their method bodies are most of their text and nearly all of the parser's work: at 5000 service
 * files of 30 methods each, parsing took about 2.7 ms of processor time per file. The scan reads none of it
 * ({@link Outline} lists what it reads: bodies of methods, constructors and initializer blocks are taken out, but the
 * body of {@code getSqlType()}, which {@link UserTypes} reads), so each such body is overwritten with spaces between
 * its braces, under one comment ({@code /*   *}{@code /}: the parser makes a token of each space, but one of a
 * comment). Line ends and tabs are kept, so every line and column outside the bodies stays where it was: the scan's
 * messages and the outline carry them.
 *
 * <p>It reads the text with a small tokenizer (comments, string and character literals, text blocks) and follows
 * only the structure around members: a {@code {} directly in a type's body that follows a parameter list (and an
 * optional {@code throws} clause) opens a method's or constructor's body; one after nothing or {@code static} opens
 * an initializer block. Everything else is left as written: field initializers (array initializers, anonymous
 * classes, lambdas), annotation values, an annotation element's {@code default}, enum constants' arguments and
 * bodies (their methods' bodies are blanked as any class's), records' headers and compact constructors. Whenever it
 * is in doubt (a unicode escape anywhere, braces that do not balance, a brace it cannot place) it gives the text back
 * unchanged, and the caller parses the file as written; a caller that cannot parse the blanked text parses the
 * original, so a file's syntax errors outside the bodies are reported as before. An error inside a body is no
 * longer one keel reports: the compiler does.
 */
final class MethodBodies {
    private MethodBodies() {}

    /** Tokens: names (keywords, identifiers, numbers), punctuation, literals (strings, chars, text blocks), the end. */
    private enum Kind { WORD, PUNCT, LITERAL, END }

    /** {@code text} with the bodies the scan does not read blanked, or {@code text} itself when there are none or in doubt. */
    static String blanked(String text) {
        if (text.indexOf('{') < 0 || text.contains("\\u")) {
            return text;
        }
        try {
            char[] out = new Reader(text).run();
            return out == null ? text : new String(out);
        } catch (Doubt d) {
            return text;
        }
    }

    /** Thrown when the text is not shaped as expected; the text is then parsed as written. */
    private static final class Doubt extends RuntimeException {
        private static final Doubt INSTANCE = new Doubt();

        private Doubt() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String text;
        private final int length;
        private int pos;
        private Kind kind;
        private int start;
        private int end;
        private char[] out;

        Reader(String text) {
            this.text = text;
            this.length = text.length();
        }

        /** Blanks the bodies; null when there were none. */
        char[] run() {
            next();
            while (kind != Kind.END) {
                // The compilation unit: package, imports, and types whose headers end at their body's brace.
                if (isPunct('{')) {
                    if (!header.isType()) {
                        throw Doubt.INSTANCE;
                    }
                    boolean isEnum = header.isEnum;
                    header.reset();
                    next();
                    typeBody(isEnum);
                } else {
                    member();
                }
            }
            return out;
        }

        /** What the tokens of the current member (or type header) since its start showed. */
        private final Header header = new Header();

        private static final class Header {
            boolean empty = true;
            boolean onlyStatic = true;
            boolean isType;
            boolean isEnum;
            boolean assigns;
            boolean isDefault;
            boolean recordWord;
            /** The name before the member's first parameter list, and whether that list has closed. */
            String methodName;
            boolean parameters;
            String lastWord;

            boolean isType() {
                return isType;
            }

            void reset() {
                empty = true;
                onlyStatic = true;
                isType = false;
                isEnum = false;
                assigns = false;
                isDefault = false;
                recordWord = false;
                methodName = null;
                parameters = false;
                lastWord = null;
            }
        }

        /**
         * Takes one token of a header (at the nesting of the type's body or the unit): annotations with their
         * values, parenthesised lists and generic brackets as a whole.
         */
        private void member() {
            if (isPunct('@')) {
                next();
                if (isWord("interface")) {
                    header.isType = true;
                    header.empty = false;
                    header.onlyStatic = false;
                    next();
                    return;
                }
                // An annotation: its qualified name, and its values in parentheses, braces included.
                if (kind != Kind.WORD) {
                    throw Doubt.INSTANCE;
                }
                next();
                while (isPunct('.')) {
                    next();
                    if (kind != Kind.WORD) {
                        throw Doubt.INSTANCE;
                    }
                    next();
                }
                if (isPunct('(')) {
                    skipBalanced('(', ')');
                }
                return;
            }
            header.empty = false;
            if (kind == Kind.WORD) {
                String word = text.substring(start, end);
                if (!word.equals("static")) {
                    header.onlyStatic = false;
                }
                switch (word) {
                    case "class", "interface" -> header.isType = true;
                    case "enum" -> {
                        header.isType = true;
                        header.isEnum = true;
                    }
                    case "default" -> header.isDefault |= header.parameters; // an element's default, not a default method
                    default -> {
                        if (header.recordWord && header.methodName == null && Character.isJavaIdentifierStart(word.charAt(0))) {
                            header.isType = true; // record Name(...): a record's header, not a method named record
                        }
                    }
                }
                header.recordWord = word.equals("record") && !header.isType;
                header.lastWord = word;
                next();
                return;
            }
            header.onlyStatic = false;
            header.recordWord = false;
            if (isPunct('(')) {
                if (header.methodName == null && !header.parameters) {
                    header.methodName = header.lastWord;
                }
                skipBalanced('(', ')');
                header.parameters = true;
                return;
            }
            if (isPunct('=')) {
                header.assigns = true;
            }
            if (isPunct('}') || isPunct('{')) {
                throw Doubt.INSTANCE; // callers handle braces themselves
            }
            next();
        }

        /** The body of a type, its opening brace taken; takes its closing brace. */
        private void typeBody(boolean isEnum) {
            boolean constants = isEnum;
            while (true) {
                if (kind == Kind.END) {
                    throw Doubt.INSTANCE;
                }
                if (isPunct('}')) {
                    header.reset();
                    next();
                    return;
                }
                if (isPunct(';')) {
                    constants = false;
                    header.reset();
                    next();
                    continue;
                }
                if (constants && isPunct(',')) {
                    header.reset();
                    next();
                    continue;
                }
                if (!isPunct('{')) {
                    member();
                    continue;
                }
                // A brace in a type's body: what does it open?
                if (header.isType()) {
                    boolean nestedEnum = header.isEnum;
                    header.reset();
                    next();
                    typeBody(nestedEnum);
                    header.reset();
                } else if (constants) {
                    header.reset();
                    next();
                    typeBody(false); // an enum constant's class body
                    header.reset();
                } else if (header.assigns || header.isDefault) {
                    skipBalanced('{', '}'); // an initializer's braces or an element's default: left as written, the member goes on
                } else if (header.parameters && header.methodName != null) {
                    if (header.methodName.equals("getSqlType")) {
                        skipBalanced('{', '}');
                    } else {
                        blankBalanced();
                    }
                    header.reset();
                } else if (header.empty || header.onlyStatic) {
                    blankBalanced(); // an initializer block
                    header.reset();
                } else {
                    skipBalanced('{', '}'); // a compact constructor, or something unexpected: left as written
                    header.reset();
                }
            }
        }

        /** Moves past a balanced group that starts at the current token {@code open}. */
        private void skipBalanced(char open, char close) {
            int depth = 0;
            do {
                if (kind == Kind.END) {
                    throw Doubt.INSTANCE;
                }
                if (isPunct(open)) {
                    depth++;
                } else if (isPunct(close)) {
                    depth--;
                }
                next();
            } while (depth > 0);
        }

        /** Moves past the block that starts at the current brace, overwriting what is between its braces with spaces. */
        private void blankBalanced() {
            int from = end;
            int depth = 0;
            int to;
            while (true) {
                if (kind == Kind.END) {
                    throw Doubt.INSTANCE;
                }
                if (isPunct('{')) {
                    depth++;
                } else if (isPunct('}') && --depth == 0) {
                    to = start;
                    break;
                }
                next();
            }
            if (out == null) {
                out = text.toCharArray();
            }
            for (int i = from; i < to; i++) {
                if (!isKept(out[i])) {
                    out[i] = ' ';
                }
            }
            // And one comment over the spaces: the parser makes a token of each space, a comment is one.
            int open = from;
            while (open + 1 < to && (isKept(out[open]) || isKept(out[open + 1]))) {
                open++;
            }
            int close = to - 2;
            while (close > open + 1 && (isKept(out[close]) || isKept(out[close + 1]))) {
                close--;
            }
            if (close > open + 1) {
                out[open] = '/';
                out[open + 1] = '*';
                out[close] = '*';
                out[close + 1] = '/';
            }
            next();
        }

        /** Characters a blanked body keeps where they are: line ends and tabs (columns after a tab may count it wide). */
        private static boolean isKept(char c) {
            return c == '\n' || c == '\r' || c == '\t' || c == '\f';
        }

        private boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.charAt(start) == c;
        }

        private boolean isWord(String word) {
            return kind == Kind.WORD && end - start == word.length() && text.startsWith(word, start);
        }

        /** Reads the next token, skipping white space and comments. */
        private void next() {
            try {
                pos = JavaLexer.skipSpaceAndComments(text, pos);
            } catch (JavaLexer.Decline d) {
                throw Doubt.INSTANCE; // a comment that does not end
            }
            start = pos;
            if (pos >= length) {
                kind = Kind.END;
                end = pos;
                return;
            }
            char c = text.charAt(pos);
            if (Character.isJavaIdentifierPart(c)) {
                // Names, keywords and numbers alike (a number's dots and signs come as punctuation: harmless here).
                while (pos < length && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                kind = Kind.WORD;
            } else if (c == '"') {
                if (text.startsWith("\"\"\"", pos)) {
                    int close = pos + 3;
                    while (true) {
                        close = text.indexOf("\"\"\"", close);
                        if (close < 0) {
                            throw Doubt.INSTANCE;
                        }
                        if (!escaped(close)) {
                            break;
                        }
                        close++;
                    }
                    pos = close + 3;
                } else {
                    pos = quoted(pos, '"');
                }
                kind = Kind.LITERAL;
            } else if (c == '\'') {
                pos = quoted(pos, '\'');
                kind = Kind.LITERAL;
            } else {
                pos++;
                kind = Kind.PUNCT;
            }
            end = pos;
        }

        /** The offset after a string or character literal that starts at {@code from}; a line end inside is a doubt. */
        private int quoted(int from, char quote) {
            int i = from + 1;
            while (i < length) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n' || c == '\r') {
                    throw Doubt.INSTANCE;
                } else {
                    i++;
                }
            }
            throw Doubt.INSTANCE;
        }

        /** Whether the character at {@code at} is escaped by an odd number of backslashes before it. */
        private boolean escaped(int at) {
            int n = 0;
            for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                n++;
            }
            return n % 2 == 1;
        }
    }
}
