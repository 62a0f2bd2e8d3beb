package dev.keel.operations;

import dev.keel.state.Column;

import java.util.Objects;

/**
 * Changes a field's column: type, nullability, default, identity, comment. A different column name
 * renames the column in the database.
 */
public record AlterField(String model, String field, Column column) implements Operation {
    public AlterField {
        model = Ops.model(model);
        Ops.require(field, "field");
        column = Objects.requireNonNull(column, "column").field(field);
    }

    @Override public String describe() { return "Alter field " + field + " on " + model; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
