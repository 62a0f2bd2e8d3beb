package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code @Column(columnDefinition)} read as PostgreSQL reads the column definition Hibernate writes from it
 * ({@code name <definition>}, then {@code not null} when the column is not nullable): the type, then any of
 * {@code NOT NULL}, {@code NULL}, {@code DEFAULT <expression>}, {@code CHECK (<expression>)}, {@code UNIQUE} and
 * {@code GENERATED ALWAYS AS (<expression>) STORED}, in any order ({@code "varchar(20) default 'NEW' not null"},
 * {@code "boolean default false"}, {@code "tsvector generated always as (to_tsvector('english', title)) stored"}). Other
 * column constraints ({@code PRIMARY KEY}, {@code REFERENCES}, an identity's {@code GENERATED ... AS IDENTITY},
 * {@code COLLATE}, a named {@code CONSTRAINT}) are not read: {@link #parse} says which.
 *
 * @param type    the type, as written
 * @param notNull whether the definition says {@code NOT NULL}
 * @param defaultSql the default expression, or null
 * @param check   the check expression (inside its parentheses), or null
 * @param unique  whether the definition says {@code UNIQUE}
 * @param clauses whether anything follows the type (a {@code NULL} alone included)
 * @param generated the expression of a stored generated column (inside its parentheses, as written), or null
 */
public record ColumnDefinition(String type, boolean notNull, String defaultSql, String check, boolean unique, boolean clauses,
                               String generated) {
    private static final Set<String> CLAUSES = Set.of("not", "null", "default", "check", "unique", "primary", "references",
            "generated", "collate", "constraint");

    /** A clause keel does not read, with the word that starts it. */
    public static final class Unsupported extends RuntimeException {
        Unsupported(String clause) {
            super(clause);
        }
    }

    /**
     * Reads {@code definition}.
     *
     * @throws Unsupported naming the first clause that is none of those above, or an unbalanced quote or parenthesis
     */
    public static ColumnDefinition parse(String definition) {
        List<String> tokens = tokens(definition);
        int i = 0;
        var type = new StringBuilder();
        while (i < tokens.size() && !CLAUSES.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
            append(type, tokens.get(i++));
        }
        int typeTokens = i;
        if (type.isEmpty()) {
            throw new Unsupported("no type before " + (i < tokens.size() ? tokens.get(i) : "the end"));
        }
        boolean notNull = false;
        String dflt = null;
        String check = null;
        boolean unique = false;
        String generated = null;
        while (i < tokens.size()) {
            String word = tokens.get(i).toLowerCase(Locale.ROOT);
            switch (word) {
                case "not" -> {
                    if (i + 1 >= tokens.size() || !tokens.get(i + 1).equalsIgnoreCase("null")) {
                        throw new Unsupported("NOT " + (i + 1 < tokens.size() ? tokens.get(i + 1) : ""));
                    }
                    notNull = true;
                    i += 2;
                }
                case "null" -> i++;
                case "unique" -> {
                    unique = true;
                    i++;
                }
                case "check" -> {
                    if (i + 1 >= tokens.size() || !tokens.get(i + 1).startsWith("(")) {
                        throw new Unsupported("CHECK without its parenthesised expression");
                    }
                    String inner = tokens.get(i + 1);
                    check = inner.substring(1, inner.length() - 1).strip();
                    i += 2;
                }
                case "generated" -> {
                    // GENERATED ALWAYS AS (expression) STORED; an identity (GENERATED ... AS IDENTITY) is not read here
                    boolean stored = i + 4 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("always")
                            && tokens.get(i + 2).equalsIgnoreCase("as") && tokens.get(i + 3).startsWith("(")
                            && tokens.get(i + 4).equalsIgnoreCase("stored");
                    if (!stored) {
                        throw new Unsupported(String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + 4))).toUpperCase(Locale.ROOT)
                                + (i + 3 < tokens.size() && tokens.get(i + 3).equalsIgnoreCase("identity")
                                ? " (an identity column: map it with @GeneratedValue(strategy = IDENTITY))" : ""));
                    }
                    String inner = tokens.get(i + 3);
                    generated = inner.substring(1, inner.length() - 1).strip();
                    if (generated.isEmpty()) {
                        throw new Unsupported("GENERATED ALWAYS AS () without an expression");
                    }
                    i += 5;
                }
                case "default" -> {
                    var expression = new StringBuilder();
                    i++;
                    while (i < tokens.size() && !CLAUSES.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                        append(expression, tokens.get(i++));
                    }
                    if (expression.isEmpty()) {
                        throw new Unsupported("DEFAULT without an expression");
                    }
                    dflt = expression.toString();
                }
                default -> throw new Unsupported(tokens.get(i).toUpperCase(Locale.ROOT));
            }
        }
        return new ColumnDefinition(type.toString(), notNull, dflt, check, unique, tokens.size() > typeTokens, generated);
    }

    /** A definition without a generated expression. */
    public ColumnDefinition(String type, boolean notNull, String defaultSql, String check, boolean unique, boolean clauses) {
        this(type, notNull, defaultSql, check, unique, clauses, null);
    }

    /** Whether the definition says anything but the type. */
    public boolean moreThanAType() {
        return clauses;
    }

    /** Joins tokens back with single spaces, none before {@code (}, {@code ::} and after {@code ::}. */
    private static void append(StringBuilder sb, String token) {
        boolean glued = token.startsWith("(") && sb.length() > 0 && !Character.isWhitespace(sb.charAt(sb.length() - 1))
                && Character.isLetterOrDigit(sb.charAt(sb.length() - 1)) || token.startsWith("::") || sb.toString().endsWith("::");
        if (sb.length() > 0 && !glued) {
            sb.append(' ');
        }
        sb.append(token);
    }

    /**
     * Words, quoted strings and identifiers, {@code ::} casts and parenthesised groups (each one token, nested
     * parentheses and quotes inside), split at white space.
     */
    static List<String> tokens(String text) {
        var result = new ArrayList<String>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '(') {
                int depth = 0;
                do {
                    char d = text.charAt(i);
                    if (d == '\'' || d == '"') {
                        i = closing(text, i);
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                    i++;
                    if (depth > 0 && i >= text.length()) {
                        throw new Unsupported("an unbalanced parenthesis");
                    }
                } while (depth > 0);
            } else if (c == '\'' || c == '"') {
                i = closing(text, i) + 1;
            } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                i += 2;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
                        && text.charAt(i) != '\'' && !(text.charAt(i) == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':')) {
                    i++;
                }
            }
            result.add(text.substring(start, i));
        }
        return result;
    }

    /** The index of the quote closing the one at {@code open} (a doubled quote is part of the text). */
    private static int closing(String text, int open) {
        char q = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new Unsupported("an unclosed quote");
    }
}
