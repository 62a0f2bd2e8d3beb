package dev.keel.operations;

import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;

/** Drops a model's table ({@code DROP TABLE}). The safe, two-phase form is {@link SafeDeleteModel}. */
public record DeleteModel(String model) implements Operation {
    public DeleteModel { model = Ops.model(model); }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        Table table = state.requireTable(app, model);
        var referencing = state.tables().stream()
                .filter(t -> t != table)
                .filter(t -> t.foreignKeys().stream().anyMatch(fk -> fk.enforced() && fk.targetTable().equals(table.qualifiedName())))
                .map(t -> t.app() + "." + t.model()).toList();
        if (!referencing.isEmpty()) {
            throw Ops.invalid("model " + app + "." + model + " is still referenced by foreign keys of " + referencing,
                    "remove those foreign keys in an earlier operation");
        }
        return state.removeTable(app, model);
    }
    @Override public String describe() { return "Delete model " + model; }
    @Override public String nameFragment() { return "delete_" + Ops.snake(model); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new CreateModel(model, before.requireTable(app, model)));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
