package dev.keel.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE name AS ENUM (...)}), such as the one Hibernate 6.6 creates for an enum
 * mapped with {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: its name ({@code schema.name} outside {@code public}), its
 * values in the type's order (the order PostgreSQL sorts and compares them in), and the database of {@code keel.json}
 * it lives in (null: {@code default}).
 */
public record EnumType(String name, List<String> values, String database) {
    public EnumType {
        Names.require(name, "enum type name");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("enum type " + name + " needs at least one value");
        }
        var seen = new HashSet<String>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("enum type " + name + " has an empty value");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("enum type " + name + " has the value " + v + " twice");
            }
        }
        values = List.copyOf(values);
        if (database != null && (database.isBlank() || database.equals(Table.DEFAULT_DATABASE))) {
            database = null;
        }
    }

    /** An enum type in the default database. */
    public static EnumType of(String name, String... values) {
        return new EnumType(name, List.of(values), null);
    }

    /** This type in the database {@code databaseName} of {@code keel.json}. */
    public EnumType database(String databaseName) {
        return new EnumType(name, values, databaseName);
    }

    /** The name of the database it lives in: {@code database}, or {@code default}. */
    public String databaseName() {
        return database == null ? Table.DEFAULT_DATABASE : database;
    }

    /** This type with {@code value} added before {@code before}, after {@code after}, or at the end when both are null. */
    public EnumType withValue(String value, String before, String after) {
        if (values.contains(value)) {
            throw new IllegalArgumentException("enum type " + name + " already has the value " + value);
        }
        var next = new ArrayList<>(values);
        if (before != null) {
            next.add(position(before), value);
        } else if (after != null) {
            next.add(position(after) + 1, value);
        } else {
            next.add(value);
        }
        return new EnumType(name, next, database);
    }

    /** This type without {@code value}. */
    public EnumType withoutValue(String value) {
        var next = new ArrayList<>(values);
        next.remove(position(value));
        return new EnumType(name, next, database);
    }

    /** This type with {@code oldValue} called {@code newValue}, in the same place. */
    public EnumType withValueRenamed(String oldValue, String newValue) {
        if (values.contains(newValue)) {
            throw new IllegalArgumentException("enum type " + name + " already has the value " + newValue);
        }
        var next = new ArrayList<>(values);
        next.set(position(oldValue), newValue);
        return new EnumType(name, next, database);
    }

    /** Whether a column of type {@code columnType} holds values of the enum type {@code name} (or arrays of them). */
    public static boolean isOfType(String columnType, String name) {
        String t = columnType.strip();
        if (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2).strip();
        }
        if (t.startsWith("public.")) {
            t = t.substring("public.".length());
        }
        return t.equalsIgnoreCase(name) || t.equals("\"" + name + "\"");
    }

    private int position(String value) {
        int i = values.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("enum type " + name + " has no value " + value + "; its values: " + values);
        }
        return i;
    }
}
