package dev.keel.operations;

import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.ProjectState;

import java.util.List;
import java.util.Objects;

/** Adds a foreign key, unique or check constraint; a {@code notValid()} one skips the scan of existing rows. */
public record AddConstraint(String model, Constraint constraint) implements Operation {
    public AddConstraint {
        model = Ops.model(model);
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        if (constraint instanceof ForeignKey fk && state.tableNamed(fk.targetTable()).isEmpty()
                && !state.requireTable(app, model).qualifiedName().equals(fk.targetTable())) {
            throw Ops.invalid("foreign key " + fk.name() + " references table " + fk.targetTable() + ", which does not exist",
                    "create the target table first, or add a dependency on the migration that does");
        }
        return state.updateTable(app, model, t -> {
            if (t.findConstraint(constraint.name()).isPresent()) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has a constraint " + constraint.name(), "choose another name");
            }
            for (String c : constraint.columns()) {
                if (t.findColumn(c).isEmpty()) {
                    throw Ops.invalid("constraint " + constraint.name() + " uses column " + c + ", which " + t.qualifiedName()
                            + " does not have", "add the column first");
                }
            }
            return t.constraint(constraint);
        });
    }
    @Override public String describe() { return "Add constraint " + constraint.name() + " to " + model; }
    @Override public String nameFragment() { return Ops.snake(constraint.name()); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new RemoveConstraint(model, constraint.name())); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
