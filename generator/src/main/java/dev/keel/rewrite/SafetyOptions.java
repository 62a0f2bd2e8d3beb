package dev.keel.rewrite;

import dev.keel.state.Table;

import java.util.Set;

/**
 * What the user allows and what keel knows of the data.
 *
 * @param allowed     unsafe changes explicitly allowed: {@link #TYPE_CHANGE}, {@link #RENAME}
 * @param largeTables tables named large in keel.json ({@code "largeTables"}), by name or schema-qualified name:
 *                    index builds and validations on them run after deployment, without the statement timeout
 * @param severalDatabases whether keel.json names several databases, so that the SQL keel writes itself
 *                    (backfills) must declare the tables it touches
 */
public record SafetyOptions(Set<String> allowed, Set<String> largeTables, boolean severalDatabases) {
    /** Allows a column type change that rewrites the table. */
    public static final String TYPE_CHANGE = "type-change";
    /** Allows renaming a table or column in the database. */
    public static final String RENAME = "rename";

    /** Nothing unsafe allowed, no table large. */
    public static final SafetyOptions DEFAULT = new SafetyOptions(Set.of(), Set.of());

    public SafetyOptions {
        allowed = Set.copyOf(allowed);
        largeTables = Set.copyOf(largeTables);
    }

    /** Options for a project with one database. */
    public SafetyOptions(Set<String> allowed, Set<String> largeTables) {
        this(allowed, largeTables, false);
    }

    /** Whether SQL keel writes on {@code table} must declare it: the project has several databases, or the table is routed. */
    public boolean declaresTables(Table table) {
        return severalDatabases || table.database() != null;
    }

    /** Whether the user allowed this unsafe change ({@link #TYPE_CHANGE}, {@link #RENAME}). */
    public boolean allows(String change) {
        return allowed.contains(change);
    }

    /** Whether keel.json names this table large, by its name or its schema-qualified name. */
    public boolean isLarge(Table table) {
        return largeTables.contains(table.name()) || largeTables.contains(table.qualifiedName());
    }
}
