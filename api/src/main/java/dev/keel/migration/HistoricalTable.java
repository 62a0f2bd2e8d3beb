package dev.keel.migration;

import dev.keel.state.Table;

import java.util.List;

/**
 * A model's table as a migration sees it: physical names as of that migration, written as they go
 * into SQL (double-quoted only where PostgreSQL needs it: {@code "order"}, {@code "UserId"}).
 */
public interface HistoricalTable {
    /** The table's name, schema-qualified when it has a schema: {@code post}, {@code audit.event}. */
    String name();

    /**
     * The column of the entity field {@code field}: {@code column("createdAt")} is {@code created_at}.
     * A column no field owns (a join table's) is found by its own name.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION naming the fields there are
     */
    String column(String field);

    /** The primary key's columns, in key order, ready for SQL; empty when the table has none. */
    List<String> primaryKey();

    /** The table in the state, with its raw (unquoted) names, types and constraints. */
    Table table();
}
