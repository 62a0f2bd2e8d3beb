package dev.keel.operations;

import dev.keel.state.Table;

import java.util.Objects;

/** The reverse of {@code SafeDeleteModel(DELETE)}: creates the dropped table again, empty, as pending. */
public record RecreatePendingModel(String model, Table definition) implements Operation {
    public RecreatePendingModel {
        model = Ops.model(model);
        definition = Objects.requireNonNull(definition, "definition").placed(null, null);
    }

    @Override public String describe() { return "Recreate pending table " + definition.qualifiedName(); }
    @Override public String nameFragment() { return "recreate_" + Ops.snake(model); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
