package dev.keel.operations;

import dev.keel.state.Column;

import java.util.Objects;

/** Adds a column for a field ({@code ALTER TABLE ... ADD COLUMN}). */
public record AddField(String model, String field, Column column) implements Operation {
    public AddField {
        model = Ops.model(model);
        Ops.require(field, "field");
        column = Objects.requireNonNull(column, "column").field(field);
    }

    @Override public String describe() { return "Add field " + field + " to " + model; }
    @Override public String nameFragment() { return "add_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
