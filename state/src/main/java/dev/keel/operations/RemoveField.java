package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops a field's column ({@code ALTER TABLE ... DROP COLUMN}), with the keys and indexes that use
 * it. The safe, two-phase form is {@link SafeRemoveField}.
 */
public record RemoveField(String model, String field) implements Operation {
    public RemoveField {
        model = Ops.model(model);
        Ops.require(field, "field");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> t.withoutColumn(Ops.requireField(t, field).name()));
    }
    @Override public String describe() { return "Remove field " + field + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(model) + "_" + Ops.snake(field); }

    /** Adds the column back, then the constraints and indexes that dropping it removed. */
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Table t = before.requireTable(app, model);
        Column c = Ops.requireField(t, field);
        var ops = new ArrayList<Operation>();
        ops.add(new AddField(model, field, c));
        t.constraints().stream().filter(k -> k.uses(c.name())).forEach(k -> ops.add(new AddConstraint(model, k)));
        t.indexes().stream().filter(i -> i.uses(c.name())).forEach(i -> ops.add(new AddIndex(model, i, false)));
        return ops;
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
