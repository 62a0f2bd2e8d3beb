package dev.keel.runner.internal;

import dev.keel.sqltext.SqlLexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the statements of SQL text that end, start or change a transaction ({@code COMMIT}, {@code END},
 * {@code ROLLBACK} (not {@code ROLLBACK TO SAVEPOINT}), {@code ABORT}, {@code BEGIN},
 * {@code START TRANSACTION}, {@code SET TRANSACTION}, {@code SET SESSION CHARACTERISTICS},
 * {@code PREPARE TRANSACTION}, {@code COMMIT/ROLLBACK PREPARED}): inside an atomic migration, each would
 * commit or roll back behind keel's back. Reads the text as PostgreSQL does: statements split at the
 * semicolons outside strings ({@code '...'}, {@code E'...'}, {@code $tag$...$tag$}), quoted names and
 * comments ({@code --}, nested {@code /* *}{@code /}), so a {@code BEGIN} in a function's body or a
 * {@code DO} block is not one. Savepoints ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) are not
 * transaction control: they stay inside the transaction.
 */
public final class TransactionControl {
    private TransactionControl() {}

    /** The first transaction control statement of {@code sql}, as its leading words ({@code COMMIT}), or null. */
    public static String find(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            List<String> words = new ArrayList<>();
            i = leadingWords(sql, i, words);
            String found = control(words);
            if (found != null) {
                return found;
            }
            i = endOfStatement(sql, i);
        }
        return null;
    }

    private static String control(List<String> w) {
        if (w.isEmpty()) {
            return null;
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        String third = w.size() > 2 ? w.get(2) : "";
        switch (first) {
            case "COMMIT", "END", "ABORT", "BEGIN":
                return first + (second.equals("PREPARED") ? " PREPARED" : "");
            case "ROLLBACK": {
                boolean noise = second.equals("WORK") || second.equals("TRANSACTION");
                String next = noise ? third : second;
                if (next.equals("TO")) {
                    return null; // ROLLBACK TO SAVEPOINT: stays in the transaction
                }
                return "ROLLBACK" + (next.equals("PREPARED") ? " PREPARED" : "");
            }
            case "START":
                return second.equals("TRANSACTION") ? "START TRANSACTION" : null;
            case "SET":
                if (second.equals("TRANSACTION")) {
                    return "SET TRANSACTION";
                }
                return second.equals("SESSION") && third.equals("CHARACTERISTICS") ? "SET SESSION CHARACTERISTICS" : null;
            case "PREPARE":
                return second.equals("TRANSACTION") ? "PREPARE TRANSACTION" : null;
            default:
                return null;
        }
    }

    /** Reads up to three leading words of the statement at {@code i} (upper case) into {@code words}. */
    private static int leadingWords(String sql, int i, List<String> words) {
        int n = sql.length();
        while (words.size() < 3) {
            i = skipSpaceAndComments(sql, i);
            int start = i;
            while (i < n && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
            if (i == start) {
                break;
            }
            words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
        }
        return i;
    }

    private static int skipSpaceAndComments(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = lineEnd(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlLexing.blockCommentEnd(sql, i);
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The index after the semicolon that ends the statement at {@code i} (or the text's end). The semicolons of
     * a SQL-standard function body ({@code BEGIN ATOMIC ... END}, with {@code CASE ... END} inside) do not end it.
     */
    private static int endOfStatement(String sql, int i) {
        int n = sql.length();
        int depth = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';' && depth == 0) {
                return i + 1;
            } else if ((Character.isLetter(c) || c == '_') && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (word.equals("BEGIN")) {
                    var next = new ArrayList<String>();
                    leadingWords(sql, i, next);
                    if (!next.isEmpty() && next.get(0).equals("ATOMIC")) {
                        depth++;
                    }
                } else if (depth > 0 && word.equals("CASE")) {
                    depth++;
                } else if (depth > 0 && word.equals("END")) {
                    depth--;
                }
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = lineEnd(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlLexing.blockCommentEnd(sql, i);
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isWordChar(sql.charAt(i - 2)));
                i = SqlLexing.quoteEnd(sql, i, '\'', escapes);
            } else if (c == '"') {
                i = SqlLexing.quoteEnd(sql, i, '"', false);
            } else if (c == '$' && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                i = dollarEnd(sql, i);
            } else {
                i++;
            }
        }
        return n;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int lineEnd(String sql, int i) {
        int nl = sql.indexOf('\n', i);
        return nl < 0 ? sql.length() : nl + 1;
    }



    /** After a {@code $tag$...$tag$} string; a {@code $} that starts no tag ({@code $1}) is skipped. */
    private static int dollarEnd(String sql, int i) {
        int n = sql.length();
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= n || sql.charAt(j) != '$' || (j > i + 1 && Character.isDigit(sql.charAt(i + 1)))) {
            return i + 1; // a parameter such as $1, not a string
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? n : close + tag.length();
    }
}
