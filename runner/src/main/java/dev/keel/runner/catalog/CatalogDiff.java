package dev.keel.runner.catalog;

import dev.keel.runner.catalog.Catalog.ColumnDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.KeyDef;
import dev.keel.runner.catalog.Catalog.TableDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compares an expected catalog with an actual one and lists every difference, sorted, one line each,
 * the expected value first: {@code table post: column title: type varchar(255) vs text}. Expressions
 * are compared after {@link SqlExpressions#normalise normalisation}.
 *
 * <p>Intended differences are allowed by name ({@link #allowing}), with a reason; an allowance that
 * matches nothing is reported too ({@link Result#unusedAllowances()}), so the list cannot go stale.
 * {@link #ignoringNames()} matches constraints and indexes by what they do instead of by name.
 * Instances are immutable: each method returns a new one.
 */
public final class CatalogDiff {
    private final boolean ignoreNames;
    private final Map<String, String> allowances;

    private CatalogDiff(boolean ignoreNames, Map<String, String> allowances) {
        this.ignoreNames = ignoreNames;
        this.allowances = allowances;
    }

    /** A comparison that matches names exactly and allows no difference. */
    public static CatalogDiff strict() {
        return new CatalogDiff(false, Map.of());
    }

    /** The differences between {@code expected} and {@code actual}, with names compared exactly. */
    public static List<String> compare(Catalog expected, Catalog actual) {
        return strict().diff(expected, actual).differences();
    }

    /** This comparison, matching constraints, primary keys and indexes by their definition, not their name. */
    public CatalogDiff ignoringNames() {
        return new CatalogDiff(true, allowances);
    }

    /**
     * This comparison, allowing the differences that match {@code pattern}: a difference line as
     * {@link #diff} writes it, where {@code *} stands for any text.
     *
     * @param reason why the difference is intended, for the report
     */
    public CatalogDiff allowing(String pattern, String reason) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        var map = new LinkedHashMap<>(allowances);
        map.put(pattern, reason);
        return new CatalogDiff(ignoreNames, map);
    }

    /**
     * The outcome of a comparison.
     *
     * @param differences      differences no allowance covers
     * @param allowed          differences an allowance covers, each followed by {@code  (allowed: reason)}
     * @param unusedAllowances allowance patterns that matched no difference
     */
    public record Result(List<String> differences, List<String> allowed, List<String> unusedAllowances) {
        public Result {
            differences = List.copyOf(differences);
            allowed = List.copyOf(allowed);
            unusedAllowances = List.copyOf(unusedAllowances);
        }

        /** No unexplained difference and no stale allowance. */
        public boolean isClean() {
            return differences.isEmpty() && unusedAllowances.isEmpty();
        }
    }

    /** Compares {@code expected} with {@code actual}. */
    public Result diff(Catalog expected, Catalog actual) {
        var all = new ArrayList<String>();
        compareMaps(all, "", "table", expected.tables(), actual.tables(), (where, e, a) -> compareTables(all, where, e, a));
        compareMaps(all, "", "sequence", expected.sequences(), actual.sequences(), (where, e, a) -> {
            check(all, where, "start", e.start(), a.start());
            check(all, where, "increment", e.increment(), a.increment());
        });
        all.sort(null);
        var differences = new ArrayList<String>();
        var allowed = new ArrayList<String>();
        var used = new HashSet<String>();
        for (String d : all) {
            String match = allowances.keySet().stream().filter(p -> glob(p).matcher(d).matches()).findFirst().orElse(null);
            if (match == null) {
                differences.add(d);
            } else {
                used.add(match);
                allowed.add(d + " (allowed: " + allowances.get(match) + ")");
            }
        }
        var unused = allowances.keySet().stream().filter(p -> !used.contains(p)).sorted().toList();
        return new Result(differences, allowed, unused);
    }

    private static Pattern glob(String pattern) {
        var sb = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!sb.isEmpty()) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    private interface Details<T> {
        void compare(String where, T expected, T actual);
    }

    private static <T> void compareMaps(List<String> out, String prefix, String kind, SortedMap<String, T> expected,
                                        SortedMap<String, T> actual, Details<T> details) {
        for (var e : expected.entrySet()) {
            String where = prefix + kind + " " + e.getKey();
            T a = actual.get(e.getKey());
            if (a == null) {
                out.add(where + " missing");
            } else {
                details.compare(where, e.getValue(), a);
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                out.add(prefix + kind + " " + name + " unexpected");
            }
        }
    }

    private static void check(List<String> out, String where, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(where + ": " + what + " " + show(expected) + " vs " + show(actual));
        }
    }

    private static void checkSql(List<String> out, String where, String what, String expected, String actual) {
        if (!Objects.equals(SqlExpressions.normalise(expected), SqlExpressions.normalise(actual))) {
            out.add(where + ": " + what + " " + show(expected) + " vs " + show(actual));
        }
    }

    private static String show(Object value) {
        return value == null ? "none" : value.toString();
    }

    private void compareTables(List<String> out, String where, TableDef e, TableDef a) {
        String prefix = where + ": ";
        compareMaps(out, prefix, "column", e.columns(), a.columns(), (w, ec, ac) -> compareColumns(out, w, ec, ac));
        comparePrimaryKeys(out, where, e.primaryKey(), a.primaryKey());
        compareMaps(out, prefix, "foreign key", keyed(e.foreignKeys(), CatalogDiff::signature),
                keyed(a.foreignKeys(), CatalogDiff::signature), (w, x, y) -> {
                    check(out, w, "columns", x.columns(), y.columns());
                    check(out, w, "references", x.targetTable() + x.targetColumns(), y.targetTable() + y.targetColumns());
                    check(out, w, "on delete", x.onDelete(), y.onDelete());
                    check(out, w, "validated", x.validated(), y.validated());
                });
        compareMaps(out, prefix, "unique", keyed(e.uniques(), u -> u.columns().toString()),
                keyed(a.uniques(), u -> u.columns().toString()), (w, x, y) -> {
                    check(out, w, "columns", x.columns(), y.columns());
                    check(out, w, "deferrable", x.deferrable(), y.deferrable());
                    check(out, w, "initially deferred", x.initiallyDeferred(), y.initiallyDeferred());
                });
        compareMaps(out, prefix, "check", keyed(e.checks(), c -> SqlExpressions.normalise(c.expression())),
                keyed(a.checks(), c -> SqlExpressions.normalise(c.expression())), (w, x, y) -> {
                    checkSql(out, w, "expression", x.expression(), y.expression());
                    check(out, w, "validated", x.validated(), y.validated());
                });
        compareMaps(out, prefix, "index", keyed(e.indexes(), CatalogDiff::signature),
                keyed(a.indexes(), CatalogDiff::signature), (w, x, y) -> {
                    check(out, w, "elements", normalised(x.elements()), normalised(y.elements()));
                    check(out, w, "unique", x.unique(), y.unique());
                    check(out, w, "method", x.method(), y.method());
                    checkSql(out, w, "where", x.where(), y.where());
                });
        check(out, where, "comment", e.comment(), a.comment());
    }

    private static void compareColumns(List<String> out, String where, ColumnDef e, ColumnDef a) {
        check(out, where, "type", e.type(), a.type());
        if (e.notNull() != a.notNull()) {
            out.add(where + ": " + (e.notNull() ? "NOT NULL vs nullable" : "nullable vs NOT NULL"));
        }
        checkSql(out, where, "default", e.defaultSql(), a.defaultSql());
        checkSql(out, where, "generated as", e.generated(), a.generated());
        check(out, where, "identity", e.identity(), a.identity());
        check(out, where, "comment", e.comment(), a.comment());
    }

    private void comparePrimaryKeys(List<String> out, String where, KeyDef e, KeyDef a) {
        String ev = e == null ? null : (ignoreNames ? "" : e.name() + " ") + e.columns();
        String av = a == null ? null : (ignoreNames ? "" : a.name() + " ") + a.columns();
        check(out, where, "primary key", ev, av);
    }

    private static List<String> normalised(List<String> expressions) {
        return expressions.stream().map(SqlExpressions::normalise).toList();
    }

    private static String signature(ForeignKeyDef fk) {
        return fk.columns() + " -> " + fk.targetTable() + fk.targetColumns();
    }

    private static String signature(IndexDef i) {
        return (i.unique() ? "unique " : "") + i.method() + " " + normalised(i.elements())
                + (i.where() == null ? "" : " where " + SqlExpressions.normalise(i.where()));
    }

    /** The map as it is, or keyed by definition when names are ignored (a repeated definition gets {@code #2}...). */
    private <T> SortedMap<String, T> keyed(SortedMap<String, T> byName, Function<T, String> signature) {
        if (!ignoreNames) {
            return byName;
        }
        var result = new TreeMap<String, T>();
        for (T value : byName.values()) {
            String key = signature.apply(value);
            String unique = key;
            for (int n = 2; result.containsKey(unique); n++) {
                unique = key + " #" + n;
            }
            result.put(unique, value);
        }
        return result;
    }
}
