package dev.keel.state;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key. {@code enforced} is false when the mapping asks for no database constraint
 * ({@code @ForeignKey(NO_CONSTRAINT)}): the relation exists in the model but not in the database.
 * {@code validated} is false between {@code ADD CONSTRAINT ... NOT VALID} and
 * {@code VALIDATE CONSTRAINT}.
 */
public record ForeignKey(String name, List<String> columns, String targetTable, List<String> targetColumns,
                         String onDelete, boolean enforced, boolean validated) implements Constraint {
    public ForeignKey {
        Names.require(name, "foreign key name");
        columns = Names.requireColumns(columns, "foreign key " + name);
        Names.require(targetTable, "foreign key " + name + " target table");
        targetColumns = Names.requireColumns(targetColumns, "foreign key " + name + " target");
        if (columns.size() != targetColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                    + " columns but references " + targetColumns.size());
        }
        onDelete = onDelete == null || onDelete.isBlank() ? "NO ACTION" : onDelete.trim().toUpperCase(Locale.ROOT);
    }

    /** A validated, enforced foreign key; {@link #references} completes it. */
    public static ForeignKey of(String name, String... columns) {
        return new ForeignKey(name, List.of(columns), "?", List.of(columns), null, true, true);
    }

    /** This foreign key pointing at {@code table(columns)}. */
    public ForeignKey references(String table, String... target) {
        return new ForeignKey(name, columns, table, List.of(target), onDelete, enforced, validated);
    }

    /** This foreign key with an {@code ON DELETE} action ({@code CASCADE}, {@code SET NULL}...). */
    public ForeignKey onDelete(String action) {
        return new ForeignKey(name, columns, targetTable, targetColumns, action, enforced, validated);
    }

    /** This relation without a database constraint. */
    public ForeignKey noConstraint() {
        return new ForeignKey(name, columns, targetTable, targetColumns, onDelete, false, validated);
    }

    /** This foreign key added {@code NOT VALID}, to be validated later. */
    public ForeignKey notValid() {
        return new ForeignKey(name, columns, targetTable, targetColumns, onDelete, enforced, false);
    }

    /** This foreign key marked validated. */
    public ForeignKey validatedCopy() {
        return new ForeignKey(name, columns, targetTable, targetColumns, onDelete, enforced, true);
    }

    @Override
    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, targetTable, targetColumns, onDelete, enforced, validated);
    }

    /** This foreign key pointing at a renamed table. */
    public ForeignKey retarget(String newTable) {
        return new ForeignKey(name, columns, newTable, targetColumns, onDelete, enforced, validated);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ForeignKey other
                && enforced == other.enforced
                && validated == other.validated
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(columns, other.columns)
                && java.util.Objects.equals(targetTable, other.targetTable)
                && java.util.Objects.equals(targetColumns, other.targetColumns)
                && java.util.Objects.equals(onDelete, other.onDelete);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(columns);
        h = 31 * h + java.util.Objects.hashCode(targetTable);
        h = 31 * h + java.util.Objects.hashCode(targetColumns);
        h = 31 * h + java.util.Objects.hashCode(onDelete);
        h = 31 * h + Boolean.hashCode(enforced);
        h = 31 * h + Boolean.hashCode(validated);
        return h;
    }
}
