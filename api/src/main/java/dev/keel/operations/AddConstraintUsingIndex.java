package dev.keel.operations;

import dev.keel.state.UniqueConstraint;

import java.util.Objects;

/**
 * Turns an existing unique index into a unique constraint ({@code ADD CONSTRAINT ... UNIQUE USING INDEX}):
 * with the index built concurrently beforehand, the constraint costs only a brief lock. PostgreSQL renames
 * the index to the constraint's name; in the state the index becomes the constraint.
 */
public record AddConstraintUsingIndex(String model, UniqueConstraint constraint, String index) implements Operation {
    public AddConstraintUsingIndex {
        model = Ops.model(model);
        Objects.requireNonNull(constraint, "constraint");
        Ops.require(index, "index");
    }

    @Override public String describe() { return "Add constraint " + constraint.name() + " to " + model + " using index " + index; }
    @Override public String nameFragment() { return Ops.constraintFragment(model, constraint.name(), constraint.columns()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
