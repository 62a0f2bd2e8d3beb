package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.ProjectState;

import java.util.List;
import java.util.Objects;

/** Adds a column for a field ({@code ALTER TABLE ... ADD COLUMN}). */
public record AddField(String model, String field, Column column) implements Operation {
    public AddField {
        model = Ops.model(model);
        Ops.require(field, "field");
        column = Objects.requireNonNull(column, "column").field(field);
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            if (t.findField(field).isPresent()) {
                throw Ops.invalid("model " + app + "." + model + " already has a field " + field,
                        "rename the new field, or remove the old one first");
            }
            if (t.findColumn(column.name()).isPresent()) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has a column " + column.name(),
                        "map the field to another column with @Column(name = ...)");
            }
            return t.column(column);
        });
    }
    @Override public String describe() { return "Add field " + field + " to " + model; }
    @Override public String nameFragment() { return "add_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new RemoveField(model, field)); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
