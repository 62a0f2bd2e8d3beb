package dev.keel.runner.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts an SQL expression into a form in which the way it was written and the way PostgreSQL prints it
 * back compare equal, for simple expressions: unquoted words in lower case, casts removed
 * ({@code 'x'::character varying}, {@code nextval('s'::regclass)}), numbers quoted as strings
 * unquoted ({@code '-1'::integer}), parentheses around a single value and around the whole removed,
 * spacing removed. It does not undo rewrites ({@code IN} lists become {@code = ANY (ARRAY[...])}):
 * compare such expressions through {@link Catalog#roundTrip}.
 */
final class SqlExpressions {
    private SqlExpressions() {}

    private enum Kind { WORD, STRING, QUOTED, SYMBOL, SPACE }

    private record Token(Kind kind, String text) {
        boolean isAtom() {
            return kind == Kind.WORD || kind == Kind.STRING || kind == Kind.QUOTED;
        }

        boolean is(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    /** The normal form of {@code sql}; null stays null. */
    static String normalise(String sql) {
        if (sql == null) {
            return null;
        }
        List<Token> tokens = withoutCasts(tokenize(sql));
        tokens = unquoteNumbers(tokens);
        tokens = withoutSpaces(tokens);
        tokens = withoutAtomParentheses(tokens);
        tokens = withoutOuterParentheses(tokens);
        var sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && t.isAtom() && tokens.get(i - 1).isAtom()) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static List<Token> tokenize(String sql) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int start = i;
            if (c == '\'' || c == '"') {
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == c) {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i = Math.min(i + 1, sql.length());
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(start, i)));
            } else if (Character.isWhitespace(c)) {
                while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.SPACE, " "));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT)));
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                i += 2;
                tokens.add(new Token(Kind.SYMBOL, "::"));
            } else {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
            }
        }
        return tokens;
    }

    private static int skipSpace(List<Token> tokens, int i) {
        while (i < tokens.size() && tokens.get(i).kind() == Kind.SPACE) {
            i++;
        }
        return i;
    }

    /** Drops {@code ::type}, with multi-word types, modifiers and array brackets. */
    private static List<Token> withoutCasts(List<Token> tokens) {
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.is("::")) {
                out.add(t);
                i++;
                continue;
            }
            i = skipSpace(tokens, i + 1);
            if (i < tokens.size() && (tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.QUOTED)) {
                i++;
            }
            while (i < tokens.size() && tokens.get(i).is(".")) {
                i += 2;
            }
            boolean more = true;
            while (more && i < tokens.size()) {
                int j = skipSpace(tokens, i);
                more = false;
                if (j < tokens.size() && tokens.get(j).kind() == Kind.WORD && TYPE_WORDS.contains(tokens.get(j).text())) {
                    i = j + 1;
                    more = true;
                } else if (j < tokens.size() && tokens.get(j).is("(") && j == i) {
                    i = closing(tokens, j) + 1;
                    more = true;
                } else if (j < tokens.size() && tokens.get(j).is("[") && j + 1 < tokens.size() && tokens.get(j + 1).is("]")) {
                    i = j + 2;
                    more = true;
                }
            }
        }
        return out;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    private static List<Token> unquoteNumbers(List<Token> tokens) {
        return tokens.stream().map(t -> t.kind() == Kind.STRING && t.text().matches("'-?\\d+(\\.\\d+)?'")
                ? new Token(Kind.WORD, t.text().substring(1, t.text().length() - 1)) : t).toList();
    }

    private static List<Token> withoutSpaces(List<Token> tokens) {
        return tokens.stream().filter(t -> t.kind() != Kind.SPACE).toList();
    }

    /** {@code (x)} is {@code x}, unless the parentheses are a call's ({@code f(x)}, {@code in (x)}). */
    private static List<Token> withoutAtomParentheses(List<Token> tokens) {
        var list = new ArrayList<>(tokens);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 2 < list.size(); i++) {
                boolean call = i > 0 && (list.get(i - 1).kind() == Kind.WORD || list.get(i - 1).kind() == Kind.QUOTED);
                if (list.get(i).is("(") && list.get(i + 2).is(")") && list.get(i + 1).isAtom() && !call) {
                    list.remove(i + 2);
                    list.remove(i);
                    changed = true;
                }
            }
        }
        return list;
    }

    private static List<Token> withoutOuterParentheses(List<Token> tokens) {
        var list = new ArrayList<>(tokens);
        while (list.size() >= 2 && list.get(0).is("(") && closing(list, 0) == list.size() - 1) {
            list.remove(list.size() - 1);
            list.remove(0);
        }
        return list;
    }
}
