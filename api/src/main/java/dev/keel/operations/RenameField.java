package dev.keel.operations;

/**
 * Renames a field. The column keeps its name (no SQL) unless {@code newColumn} is given, which
 * renames the column in the database too.
 */
public record RenameField(String model, String oldField, String newField, String newColumn) implements Operation {
    public RenameField {
        model = Ops.model(model);
        Ops.require(oldField, "old field");
        Ops.require(newField, "new field");
        if (newColumn != null && newColumn.isBlank()) {
            newColumn = null;
        }
    }

    /** This rename, renaming the column in the database as well. */
    public RenameField renamingColumn(String column) {
        return new RenameField(model, oldField, newField, column);
    }

    /** Whether the operation changes only the state (the column keeps its name). */
    public boolean stateOnly() {
        return newColumn == null;
    }

    @Override public String describe() {
        return "Rename field " + oldField + " on " + model + " to " + newField + (newColumn == null ? " (column kept)" : " (column renamed to " + newColumn + ")");
    }
    @Override public String nameFragment() { return "rename_" + Ops.snake(model) + "_" + Ops.snake(oldField) + "_" + Ops.snake(newField); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
