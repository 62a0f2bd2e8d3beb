package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.ProjectState;

import java.util.List;
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

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            Column old = Ops.requireField(t, field);
            if (!old.name().equals(column.name()) && t.findColumn(column.name()).isPresent()) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has a column " + column.name(),
                        "choose a free column name");
            }
            return t.replaceColumn(old.name(), column);
        });
    }
    @Override public String describe() { return "Alter field " + field + " on " + model; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new AlterField(model, field, Ops.requireField(before.requireTable(app, model), field)));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
