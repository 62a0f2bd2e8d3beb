package dev.keel.operations;

import dev.keel.state.Constraint;
import dev.keel.state.ProjectState;

import java.util.List;

/** Drops a constraint by name. */
public record RemoveConstraint(String model, String name) implements Operation {
    public RemoveConstraint {
        model = Ops.model(model);
        Ops.require(name, "constraint name");
    }

    static Constraint require(String app, String model, String name, ProjectState state) {
        var t = state.requireTable(app, model);
        return t.findConstraint(name).orElseThrow(() -> Ops.invalid("model " + app + "." + model + " has no constraint "
                + name + ". Its constraints: " + t.constraints().stream().map(Constraint::name).toList(), "correct the constraint name"));
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        require(app, model, name, state);
        return state.updateTable(app, model, t -> t.withoutConstraint(name));
    }
    @Override public String describe() { return "Remove constraint " + name + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(name); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new AddConstraint(model, require(app, model, name, before)));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
