package dev.keel.operations;

import dev.keel.state.Index;
import dev.keel.state.ProjectState;

import java.util.List;

/** Renames an index ({@code ALTER INDEX ... RENAME TO}). */
public record RenameIndex(String model, String oldName, String newName) implements Operation {
    public RenameIndex {
        model = Ops.model(model);
        Ops.require(oldName, "old index name");
        Ops.require(newName, "new index name");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            Index i = t.findIndex(oldName).orElseThrow(() -> Ops.invalid("model " + app + "." + model
                    + " has no index " + oldName, "correct the index name"));
            if (t.findIndex(newName).isPresent()) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has an index " + newName, "choose another name");
            }
            return t.replaceIndex(oldName, i.withName(newName));
        });
    }
    @Override public String describe() { return "Rename index " + oldName + " on " + model + " to " + newName; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new RenameIndex(model, newName, oldName)); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
