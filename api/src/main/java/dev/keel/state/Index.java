package dev.keel.state;

import java.util.List;
import java.util.Locale;

/**
 * An index. {@code columns} are column names or expressions with an optional order
 * ({@code "name"}, {@code "created DESC"}, {@code "lower(email)"}); {@code method} is the access
 * method ({@code btree} by default); {@code where} makes it partial.
 */
public record Index(String name, List<String> columns, boolean isUnique, String method, String where) {
    public Index {
        Names.require(name, "index name");
        columns = Names.requireColumns(columns, "index " + name);
        method = method == null || method.isBlank() ? "btree" : method.trim().toLowerCase(Locale.ROOT);
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    public static Index of(String name, String... columns) {
        return new Index(name, List.of(columns), false, null, null);
    }

    /** This index as a unique index. */
    public Index unique() {
        return new Index(name, columns, true, method, where);
    }

    /** This index built with another access method ({@code gin}, {@code brin}...). */
    public Index using(String accessMethod) {
        return new Index(name, columns, isUnique, accessMethod, where);
    }

    /** This index as a partial index. */
    public Index where(String predicate) {
        return new Index(name, columns, isUnique, method, predicate);
    }

    /** Whether the index uses the column, as a key, in an expression or in its predicate. */
    public boolean uses(String column) {
        return columns.stream().anyMatch(c -> SqlNames.mentions(c, column)) || where != null && SqlNames.mentions(where, column);
    }

    /** This index with the column {@code from} renamed {@code to} in its keys, expressions and predicate. */
    public Index renameColumn(String from, String to) {
        return new Index(name, columns.stream().map(c -> SqlNames.rename(c, from, to)).toList(), isUnique, method,
                where == null ? null : SqlNames.rename(where, from, to));
    }

    /** This index under another name. */
    public Index withName(String newName) {
        return new Index(newName, columns, isUnique, method, where);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Index other
                && isUnique == other.isUnique
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(columns, other.columns)
                && java.util.Objects.equals(method, other.method)
                && java.util.Objects.equals(where, other.where);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(columns);
        h = 31 * h + Boolean.hashCode(isUnique);
        h = 31 * h + java.util.Objects.hashCode(method);
        h = 31 * h + java.util.Objects.hashCode(where);
        return h;
    }
}
