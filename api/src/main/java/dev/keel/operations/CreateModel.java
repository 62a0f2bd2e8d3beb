package dev.keel.operations;

import dev.keel.state.Table;

import java.util.Objects;

/** Creates a table for a model: an entity's table, or a join or collection table. */
public record CreateModel(String model, Table table) implements Operation {
    public CreateModel {
        model = Ops.model(model);
        // a definition, not a placement: the state places it under the migration's app
        table = Objects.requireNonNull(table, "table").placed(null, null);
        if (table.columns().isEmpty()) {
            throw new IllegalArgumentException("model " + model + " has no columns");
        }
    }

    @Override public String describe() { return "Create model " + (table.entity() != null ? table.entity() : model) + " (table " + table.qualifiedName() + ")"; }
    @Override public String nameFragment() { return Ops.snake(model); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
