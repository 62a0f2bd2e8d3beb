package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.List;

/** Sets or clears a table's comment ({@code COMMENT ON TABLE}); null clears it. */
public record AlterModelComment(String model, String comment) implements Operation {
    public AlterModelComment { model = Ops.model(model); }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> t.comment(comment));
    }
    @Override public String describe() { return (comment == null ? "Clear" : "Set") + " the comment of " + model; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_comment"; }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new AlterModelComment(model, before.requireTable(app, model).comment()));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
