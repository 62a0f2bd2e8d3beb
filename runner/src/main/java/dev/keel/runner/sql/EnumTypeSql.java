package dev.keel.runner.sql;

import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.EnumType;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of PostgreSQL enum types: the type with the implicit casts from and to {@code varchar} that
 * Hibernate 6.6 creates with it (so that a value bound as text reaches an enum column), values added and renamed in
 * place, and the rebuild that takes a value out (PostgreSQL has no {@code DROP VALUE}). Pure functions.
 */
public final class EnumTypeSql {
    private EnumTypeSql() {}

    /** {@code CREATE TYPE ... AS ENUM (...)} and its two casts. */
    public static List<String> create(EnumType type) {
        var result = new ArrayList<String>();
        Ddl.createSchema(Identifiers.schemaOf(type.name())).ifPresent(result::add);
        result.add(createType(Identifiers.qualified(type.name()), type.values()));
        result.addAll(casts(Identifiers.qualified(type.name())));
        return result;
    }

    private static String createType(String name, List<String> values) {
        return "CREATE TYPE " + name + " AS ENUM ("
                + values.stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> casts(String name) {
        return List.of("CREATE CAST (varchar AS " + name + ") WITH INOUT AS IMPLICIT",
                "CREATE CAST (" + name + " AS varchar) WITH INOUT AS IMPLICIT");
    }

    private static List<String> dropCasts(String name) {
        return List.of("DROP CAST IF EXISTS (varchar AS " + name + ")", "DROP CAST IF EXISTS (" + name + " AS varchar)");
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE}. PostgreSQL 12 and later run it in a transaction block, but no statement of
     * that transaction may use the new value: keel's migrations give it its own migration when another would.
     */
    public static String addValue(String type, String value, String before, String after) {
        return "ALTER TYPE " + Identifiers.qualified(type) + " ADD VALUE " + Identifiers.literal(value)
                + (before != null ? " BEFORE " + Identifiers.literal(before) : after != null ? " AFTER " + Identifiers.literal(after) : "");
    }

    /** {@code ALTER TYPE ... RENAME VALUE ... TO ...}: the rows holding it follow. */
    public static String renameValue(String type, String oldValue, String newValue) {
        return "ALTER TYPE " + Identifiers.qualified(type) + " RENAME VALUE " + Identifiers.literal(oldValue) + " TO "
                + Identifiers.literal(newValue);
    }

    /** The casts, then the type: run once no column is of the type. */
    public static List<String> drop(String type) {
        var result = new ArrayList<>(dropCasts(Identifiers.qualified(type)));
        result.add("DROP TYPE " + Identifiers.qualified(type));
        return result;
    }

    /**
     * The type rebuilt without {@code value}: the old one renamed aside, the new one created, every column of the
     * type in {@code before} (pending ones included) rewritten into it through text (which fails while a row holds the
     * value), the column defaults set again, the old type and its casts dropped.
     */
    public static List<String> removeValue(ProjectState before, String type, String value) {
        EnumType old = before.requireEnumType(type);
        String name = Identifiers.qualified(type);
        String aside = Identifiers.qualified(Identifiers.schemaOf(type), aside(Identifiers.nameOf(type)));
        var result = new ArrayList<String>();
        result.add("ALTER TYPE " + name + " RENAME TO " + Identifiers.quote(aside(Identifiers.nameOf(type))));
        result.add(createType(name, old.withoutValue(value).values()));
        for (String tableColumn : before.columnsOfEnumType(type)) {
            int dot = tableColumn.lastIndexOf('.');
            String table = tableColumn.substring(0, dot);
            String columnName = tableColumn.substring(dot + 1);
            Column column = column(before, table, columnName);
            String alter = "ALTER TABLE " + Identifiers.qualified(table) + " ALTER COLUMN " + Identifiers.quote(columnName) + " ";
            boolean array = column != null && column.type().strip().endsWith("[]");
            if (column != null && column.defaultSql() != null) {
                result.add(alter + "DROP DEFAULT");
            }
            result.add(alter + "TYPE " + name + (array ? "[]" : "") + " USING " + Identifiers.quote(columnName)
                    + (array ? "::text[]::" + name + "[]" : "::text::" + name));
            if (column != null && column.defaultSql() != null) {
                result.add(alter + "SET DEFAULT " + column.defaultSql());
            }
        }
        result.addAll(dropCasts(aside));
        result.add("DROP TYPE " + aside);
        result.addAll(casts(name));
        return result;
    }

    private static String aside(String name) {
        String suffix = "_keel_old";
        return (name.length() + suffix.length() > 63 ? name.substring(0, 63 - suffix.length()) : name) + suffix;
    }

    private static Column column(ProjectState state, String table, String column) {
        Table t = state.tableNamed(table).orElse(null);
        if (t != null) {
            return t.findColumn(column).orElse(null);
        }
        return state.pendingColumns(table).stream().map(p -> p.column()).filter(c -> c.name().equals(column)).findFirst()
                .orElse(null);
    }
}
