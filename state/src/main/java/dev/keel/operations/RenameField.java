package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.ProjectState;

import java.util.List;

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

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            Column old = Ops.requireField(t, oldField);
            if (t.findField(newField).isPresent()) {
                throw Ops.invalid("model " + app + "." + model + " already has a field " + newField, "choose a free field name");
            }
            Column renamed = old.field(newField);
            if (newColumn != null) {
                if (t.findColumn(newColumn).isPresent()) {
                    throw Ops.invalid("table " + t.qualifiedName() + " already has a column " + newColumn, "choose a free column name");
                }
                renamed = renamed.name(newColumn);
            }
            return t.replaceColumn(old.name(), renamed);
        });
    }
    @Override public String describe() {
        return "Rename field " + oldField + " on " + model + " to " + newField + (newColumn == null ? " (column kept)" : " (column renamed to " + newColumn + ")");
    }
    @Override public String nameFragment() { return "rename_" + Ops.snake(model) + "_" + Ops.snake(oldField) + "_" + Ops.snake(newField); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Column old = Ops.requireField(before.requireTable(app, model), oldField);
        return List.of(new RenameField(model, newField, oldField, newColumn == null ? null : old.name()));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
