package dev.keel.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the operations and statements of a migration did so far, for the rules that depend on it: the
 * tables it created (new tables hold no rows, so what is unsafe on a busy table is fine on them), the
 * tables it has changed under a lock that blocks writes, the NOT NULL checks it added and validated, and
 * the columns it added to existing tables (with or without a default; NOT NULL or not; the default dropped
 * since). For a plain SQL file it also holds what the earlier files of its folder left, which has no state
 * otherwise: the column types their statements declared and the NOT NULL checks they added and validated.
 */
public final class MigrationMemory {
    private final Set<String> created = new HashSet<>();
    private final Set<String> locked = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> provenNotNull = new HashSet<>();
    private final Map<String, AddedColumn> added = new HashMap<>();
    private final Map<String, String> functions = new HashMap<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final Map<String, String> enumValues = new HashMap<>();

    /**
     * The enum values an earlier statement of this atomic migration added ({@code ALTER TYPE t ADD VALUE 'v'}), as the
     * literal that writes them ({@code 'v'}), with their type's name.
     */
    public Map<String, String> addedEnumValues() {
        return java.util.Collections.unmodifiableMap(enumValues);
    }

    void enumValue(String literal, String type) {
        enumValues.put(literal, type);
    }

    /** The memory of a migration that nothing came before. */
    public MigrationMemory() {}

    /**
     * The memory of the plain SQL migration that runs after {@code earlier} (the file before it in its folder):
     * the column types and the NOT NULL checks (added, validated) carry over; the rest is this migration's own.
     */
    public static MigrationMemory after(MigrationMemory earlier) {
        var next = new MigrationMemory();
        next.columnTypes.putAll(earlier.columnTypes);
        next.notNullChecks.putAll(earlier.notNullChecks);
        next.provenNotNull.addAll(earlier.provenNotNull);
        return next;
    }

    /**
     * The memory of the next part of the same file run without a transaction (the statements after a {@code BEGIN} or
     * a {@code COMMIT} written out): what {@link #after} carries, and the tables, functions and columns the file
     * created moments before, which hold no rows of the running code yet. Locks and new enum values end with the
     * transaction.
     */
    public static MigrationMemory laterInSameFile(MigrationMemory earlier) {
        var next = after(earlier);
        next.created.addAll(earlier.created);
        next.functions.putAll(earlier.functions);
        next.added.putAll(earlier.added);
        return next;
    }

    /** The type the SQL read so far declared for {@code table.column} (as keel's state writes types), if it declared one. */
    public java.util.Optional<String> columnType(String table, String column) {
        return java.util.Optional.ofNullable(columnTypes.get(table + "." + column));
    }

    void columnType(String table, String column, String type) {
        if (type == null) {
            columnTypes.remove(table + "." + column);
        } else {
            columnTypes.put(table + "." + column, type);
        }
    }

    void dropTable(String table) {
        columnTypes.keySet().removeIf(k -> k.startsWith(table + "."));
    }

    /**
     * Why lint cannot read what a function or procedure this migration created does when called (its
     * body changes the schema or runs dynamic SQL), by its name as the state writes names; empty when it
     * can, or when the migration did not create it.
     */
    public java.util.Optional<String> unreadableFunction(String name) {
        return java.util.Optional.ofNullable(functions.get(name));
    }

    /** The names of the functions this migration created whose bodies lint cannot read. */
    public Set<String> unreadableFunctions() {
        return functions.keySet();
    }

    void function(String name, String unreadable) {
        if (unreadable == null) {
            functions.remove(name);
        } else {
            functions.put(name, unreadable);
        }
    }

    /** A column this migration added: whether the ADD gave it a default, whether it is NOT NULL now, whether its default was dropped since. */
    public record AddedColumn(boolean withDefault, boolean notNull, boolean defaultDropped) {}

    /** The column of {@code table} this migration added, if it did. */
    public java.util.Optional<AddedColumn> added(String table, String column) {
        return java.util.Optional.ofNullable(added.get(table + "." + column));
    }

    /** Whether this migration created the table (or the sequence: both are relations, named alike). */
    public boolean created(String table) {
        return created.contains(table);
    }

    /** The tables earlier operations and statements of this migration hold a lock on that blocks writes. */
    public Set<String> lockedTables() {
        return java.util.Collections.unmodifiableSet(locked);
    }

    /** Whether an earlier operation of this migration holds a lock on the table that blocks writes. */
    public boolean locked(String table) {
        return locked.contains(table);
    }

    /** Whether an earlier statement of this migration validated a check proving {@code table.column} NOT NULL. */
    public boolean provenNotNull(String table, String column) {
        return provenNotNull.contains(table + "." + column);
    }

    void addColumn(String table, String column, boolean withDefault, boolean notNull) {
        added.put(table + "." + column, new AddedColumn(withDefault, notNull, false));
    }

    void setNotNull(String table, String column, boolean notNull) {
        added.computeIfPresent(table + "." + column, (k, c) -> new AddedColumn(c.withDefault(), notNull, c.defaultDropped()));
    }

    void dropDefault(String table, String column) {
        added.computeIfPresent(table + "." + column, (k, c) -> new AddedColumn(c.withDefault(), c.notNull(), true));
    }

    void create(String table) {
        created.add(table);
    }

    void lock(String table) {
        locked.add(table);
    }

    void notNullCheck(String constraint, String table, String column) {
        notNullChecks.put(constraint, table + "." + column);
    }

    void validated(String constraint) {
        String column = notNullChecks.get(constraint);
        if (column != null) {
            provenNotNull.add(column);
        }
    }
}
