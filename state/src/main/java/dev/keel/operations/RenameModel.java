package dev.keel.operations;

import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;

/**
 * Renames a model (and its entity) in the state. The table keeps its name: renaming the table is
 * {@link AlterModelTable}, a separate and deliberate step.
 */
public record RenameModel(String oldModel, String newModel) implements Operation {
    public RenameModel {
        Ops.require(oldModel, "old model");
        Ops.require(newModel, "new model");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        Table table = state.requireTable(app, oldModel);
        return state.renameModel(app, oldModel, newModel, table.entity() == null ? null : newModel);
    }
    @Override public String describe() { return "Rename model " + oldModel + " to " + newModel; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldModel) + "_" + Ops.snake(newModel); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Table table = before.requireTable(app, oldModel);
        return List.of(new RenameModel(newModel, table.entity() != null ? table.entity() : oldModel));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
