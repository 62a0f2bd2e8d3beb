package dev.keel.rewrite;

import dev.keel.state.Table;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user allows and what keel knows of the data.
 *
 * @param allowed     unsafe changes explicitly allowed: {@link #TYPE_CHANGE}, {@link #RENAME}, {@link #GENERATED_COLUMN}
 * @param largeTables tables named large in keel.json ({@code "largeTables"}), by name or schema-qualified name:
 *                    index builds and validations on them run after deployment, without the statement timeout
 * @param severalDatabases whether keel.json names several databases, so that the SQL keel writes itself
 *                    (backfills) must declare the tables it touches
 * @param using       the user's SQL expressions for type changes keel cannot convert alone ({@code --using}),
 *                    by field ({@code app.Model.field}, the model's case ignored), each written over the old
 *                    column's name
 */
public record SafetyOptions(Set<String> allowed, Set<String> largeTables, boolean severalDatabases, Map<String, String> using) {
    /** Allows a column type change that rewrites the table. */
    public static final String TYPE_CHANGE = "type-change";
    /** Allows adding a stored generated column to a table with rows, or changing its expression (both rewrite the table). */
    public static final String GENERATED_COLUMN = "generated-column";
    /** Allows renaming a table or column in the database. */
    public static final String RENAME = "rename";

    /** Nothing unsafe allowed, no table large. */
    public static final SafetyOptions DEFAULT = new SafetyOptions(Set.of(), Set.of());

    public SafetyOptions {
        allowed = Set.copyOf(allowed);
        largeTables = Set.copyOf(largeTables);
        var keyed = new java.util.HashMap<String, String>();
        (using == null ? Map.<String, String>of() : using).forEach((k, v) -> keyed.put(usingKey(k), v));
        using = Map.copyOf(keyed);
    }

    /** Options without type-change expressions. */
    public SafetyOptions(Set<String> allowed, Set<String> largeTables, boolean severalDatabases) {
        this(allowed, largeTables, severalDatabases, Map.of());
    }

    /** These options with the user's expression for the type change of {@code field} ({@code app.Model.field}). */
    public SafetyOptions withUsing(String field, String expression) {
        var more = new java.util.HashMap<>(using);
        more.put(usingKey(field), expression);
        return new SafetyOptions(allowed, largeTables, severalDatabases, more);
    }

    /** The user's expression for the type change of the field, if given. */
    public Optional<String> using(String app, String model, String field) {
        return Optional.ofNullable(using.get(usingKey(app + "." + model + "." + field)));
    }

    private static String usingKey(String field) {
        String[] parts = field.strip().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--using names a field as app.Model.field, not " + field);
        }
        return parts[0] + "." + parts[1].toLowerCase(Locale.ROOT) + "." + parts[2];
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
