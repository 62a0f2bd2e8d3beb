package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code UPDATE} or {@code DELETE} of every row of a table the running code uses (no {@code WHERE}, or one
 * that limits nothing: {@code WHERE true}, {@code 1 = 1}, {@code id > 0}, {@code col IS NOT NULL} on a NOT
 * NULL column, {@code col IS NULL} on a column the migration just added) in an atomic deploy-time
 * migration. Also in a {@code WITH} query and inside a {@code DO} block.
 */
public final class WholeTableDml implements LintRule {
    private static final String N = SqlStatement.NAME;
    private static final Pattern TARGET = Pattern.compile(
            "(?<![A-Za-z0-9_$\"])(?<!(?:FOR|DO|ON|GRANT|REVOKE|BEFORE|AFTER|OF|OR)\\s)(?:UPDATE\\s+(?:ONLY\\s+)?(" + N + ")(?:\\s*\\*)?"
                    + "(?:\\s+(?:AS\\s+)?(?!SET\\b)[A-Za-z_][A-Za-z0-9_]*)?\\s+SET\\b|DELETE\\s+FROM\\s+(?:ONLY\\s+)?(" + N + "))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_COMPARISON = Pattern.compile(
            "^(-?\\d+(?:\\.\\d+)?)\\s*(=|<>|!=|<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)$");
    private static final Pattern SAME_SIDES = Pattern.compile("^(" + N + ")\\s*(?:=|>=|<=)\\s*(" + N + ")$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_NOT_NULL = Pattern.compile("^(" + N + ")\\s+IS\\s+NOT\\s+NULL$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_NULL = Pattern.compile("^(" + N + ")\\s+IS\\s+NULL$", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_FROM = Pattern.compile("^(" + N + ")\\s*(>=|>)\\s*(-?\\d+)$", Pattern.CASE_INSENSITIVE);

    @Override public String name() { return "whole-table-dml"; }
    @Override public String why() {
        return "an UPDATE or DELETE of every row of a table, in one transaction, locks every row it touches until the"
                + " migration commits: the running code's writes to any of those rows wait for the whole statement and"
                + " the rest of the migration, and on a large table the deploy waits for it (or the statement timeout"
                + " fails it).";
    }
    @Override public String fix() {
        return "move the data change to a migration of its own that runs after deployment, non-atomic and in batches:"
                + " atomic(false) and postDeployment(), with UPDATE t SET ... WHERE id IN (SELECT id FROM t WHERE <not done"
                + " yet> LIMIT 10000) repeated with a COMMIT between batches until no row changes (as keel writes backfills);"
                + " or limit the WHERE to the rows that need the change.";
    }
    @Override public String sqlFix() {
        return "move the data change to a migration of its own that runs outside a transaction and in batches"
                + " (executeInTransaction=false in V<n>__<name>.sql.conf; Liquibase: runInTransaction:false), with UPDATE t"
                + " SET ... WHERE id IN (SELECT id FROM t WHERE <not done yet> LIMIT 10000) repeated until no row changes;"
                + " or limit the WHERE to the rows that need the change.";
    }

    @Override public void check(StatementSite site, Findings out) {
        if (!site.atomic() || site.operation().migration().spec().postDeployment()) {
            return;
        }
        for (SqlStatement s : site.statement().withInner()) {
            if (!s.is("(?:UPDATE|DELETE|WITH)\\b")) {
                continue;
            }
            String shape = s.shape();
            Matcher m = TARGET.matcher(shape);
            while (m.find()) {
                boolean update = m.group(1) != null;
                String table = SqlStatement.tableName(update ? m.group(1) : m.group(2));
                if (!site.existingTable(table)) {
                    continue;
                }
                Optional<String> where = where(shape, m.end());
                String reason = where.isEmpty() ? "no WHERE"
                        : limitsNothing(where.get(), table, site) ? "WHERE " + where.get() + " limits nothing" : null;
                if (reason != null) {
                    out.report(this, site.span(), (update ? "UPDATE" : "DELETE") + " of every row of existing table " + table
                            + " (" + reason + ") in an atomic deploy-time migration"
                            + (s == site.statement() ? "" : " (inside a DO block)"));
                }
            }
        }
    }

    /** The WHERE condition of the UPDATE or DELETE whose head ends at {@code from}, at its own parenthesis depth. */
    static Optional<String> where(String shape, int from) {
        int depth = 0;
        int start = -1;
        for (int i = from; i < shape.length(); i++) {
            char c = shape.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return start < 0 ? Optional.empty() : Optional.of(shape.substring(start, i).strip());
                }
                depth--;
            } else if (depth == 0 && word(shape, i, "WHERE") && start < 0) {
                start = i + "WHERE".length();
            } else if (depth == 0 && start >= 0 && word(shape, i, "RETURNING")) {
                return Optional.of(shape.substring(start, i).strip());
            }
        }
        return start < 0 ? Optional.empty() : Optional.of(shape.substring(start).strip());
    }

    private static boolean word(String s, int i, String w) {
        return s.regionMatches(true, i, w, 0, w.length())
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')
                && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())) && s.charAt(i + w.length()) != '_');
    }

    /** Whether the condition holds for every row of the table (as far as lint can tell). */
    static boolean limitsNothing(String condition, String table, StatementSite site) {
        String c = unparen(condition);
        if (c.matches("(?is)CURRENT\\s+OF\\b.*")) {
            return false;
        }
        List<String> any = split(c, "OR");
        if (any.size() > 1) {
            return any.stream().anyMatch(p -> limitsNothing(p, table, site));
        }
        List<String> all = split(c, "AND");
        if (all.size() > 1) {
            return all.stream().allMatch(p -> limitsNothing(p, table, site));
        }
        if (c.matches("(?i)TRUE|NOT\\s+FALSE|'?t(?:rue)?'?::bool(?:ean)?")) {
            return true;
        }
        Matcher n = NUMBER_COMPARISON.matcher(c);
        if (n.matches()) {
            int cmp = new BigDecimal(n.group(1)).compareTo(new BigDecimal(n.group(3)));
            return switch (n.group(2)) {
                case "=" -> cmp == 0;
                case "<>", "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                default -> cmp >= 0;
            };
        }
        Matcher same = SAME_SIDES.matcher(c);
        if (same.matches() && column(same.group(1)).equals(column(same.group(2))) && notNull(table, column(same.group(1)), site)) {
            return true;
        }
        if (same.matches() && joins(same.group(1), same.group(2), c)) {
            // UPDATE t SET ... FROM u WHERE u.id = t.u_id: the join of another table, every row that has its match
            return true;
        }
        Matcher isNotNull = IS_NOT_NULL.matcher(c);
        if (isNotNull.matches()) {
            return notNull(table, column(isNotNull.group(1)), site);
        }
        Matcher isNull = IS_NULL.matcher(c);
        if (isNull.matches()) {
            return site.memory().added(table, column(isNull.group(1))).map(a -> !a.withDefault()).orElse(false);
        }
        Matcher key = KEY_FROM.matcher(c);
        if (key.matches() && primaryKey(table, column(key.group(1)), site)) {
            long bound = Long.parseLong(key.group(3));
            return key.group(2).equals(">") ? bound <= 0 : bound <= 1;
        }
        return false;
    }

    /** Whether {@code a = b} compares columns of two different tables (or aliases): a join condition, no limit of its own. */
    private static boolean joins(String a, String b, String condition) {
        String left = SqlStatement.tableName(a);
        String right = SqlStatement.tableName(b);
        return condition.matches("(?s)[^<>!]*=[^<>]*") && left.contains(".") && right.contains(".")
                && !left.substring(0, left.lastIndexOf('.')).equals(right.substring(0, right.lastIndexOf('.')));
    }

    private static boolean notNull(String table, String column, StatementSite site) {
        return site.stateTable(table).flatMap(t -> t.findColumn(column)).map(Column::notNull).orElse(false)
                || primaryKey(table, column, site)
                || site.memory().added(table, column).map(a -> a.notNull()).orElse(false);
    }

    private static boolean primaryKey(String table, String column, StatementSite site) {
        return site.stateTable(table).map(Table::primaryKey).map(k -> k.columns().contains(column)).orElse(false);
    }

    /** The column of a possibly qualified name ({@code o.id} gives {@code id}). */
    private static String column(String written) {
        String name = SqlStatement.tableName(written);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String unparen(String condition) {
        String c = condition.strip();
        while (c.startsWith("(") && c.endsWith(")") && closes(c)) {
            c = c.substring(1, c.length() - 1).strip();
        }
        return c;
    }

    /** Whether the first parenthesis of {@code c} closes at its end. */
    private static boolean closes(String c) {
        int depth = 0;
        for (int i = 0; i < c.length(); i++) {
            depth += c.charAt(i) == '(' ? 1 : c.charAt(i) == ')' ? -1 : 0;
            if (depth == 0 && i < c.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** {@code c} split at the top-level keyword {@code op} (AND, OR); BETWEEN's AND is not split. */
    private static List<String> split(String c, String op) {
        var parts = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        boolean between = false;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && word(c, i, "BETWEEN")) {
                between = true;
            } else if (depth == 0 && word(c, i, op)) {
                if (op.equals("AND") && between) {
                    between = false;
                    continue;
                }
                parts.add(c.substring(start, i).strip());
                start = i + op.length();
            }
        }
        parts.add(c.substring(start).strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }
}
