package dev.keel.operations;

import dev.keel.state.PendingTable;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;
import java.util.Objects;

/** The reverse of {@code SafeDeleteModel(DELETE)}: creates the dropped table again, empty, as pending. */
public record RecreatePendingModel(String model, Table definition) implements Operation {
    public RecreatePendingModel {
        model = Ops.model(model);
        definition = Objects.requireNonNull(definition, "definition").placed(null, null);
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.addPending(new PendingTable(app, model, definition));
    }
    @Override public String describe() { return "Recreate pending table " + definition.qualifiedName(); }
    @Override public String nameFragment() { return "recreate_" + Ops.snake(model); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new SafeDeleteModel(model, DeletionAction.DELETE));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
