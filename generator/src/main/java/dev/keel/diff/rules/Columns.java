package dev.keel.diff.rules;

import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How rules match columns across states: by field on entity tables, by column name elsewhere. */
final class Columns {
    private Columns() {}

    /** The key of a column in its table: its field, or its name on tables without an entity. */
    static String key(Table table, Column column) {
        return table.entity() != null && column.field() != null ? column.field() : column.name();
    }

    /** The columns of a table by key, in table order. */
    static Map<String, Column> byKey(Table table) {
        var map = new LinkedHashMap<String, Column>();
        table.columns().forEach(c -> map.put(key(table, c), c));
        return map;
    }

    static Optional<Column> find(Table table, String key) {
        return Optional.ofNullable(byKey(table).get(key));
    }

    /** Whether two columns are equal in the database apart from their names. */
    static boolean sameDefinition(Column a, Column b) {
        return a.name(b.name()).sameInDatabase(b);
    }
}
