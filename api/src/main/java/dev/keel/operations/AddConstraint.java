package dev.keel.operations;

import dev.keel.state.Constraint;

import java.util.Objects;

/** Adds a foreign key, unique or check constraint; a {@code notValid()} one skips the scan of existing rows. */
public record AddConstraint(String model, Constraint constraint) implements Operation {
    public AddConstraint {
        model = Ops.model(model);
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override public String describe() { return "Add constraint " + constraint.name() + " to " + model; }
    @Override public String nameFragment() { return Ops.constraintFragment(model, constraint.name(), constraint.columns()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
