package dev.keel.operations;

import dev.keel.state.Index;
import dev.keel.state.ProjectState;
import dev.keel.state.UniqueConstraint;

import java.util.List;
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

    @Override public ProjectState applyTo(String app, ProjectState state) {
        return state.updateTable(app, model, t -> {
            Index i = t.findIndex(index).orElseThrow(() -> Ops.invalid("model " + app + "." + model + " has no index " + index,
                    "build the unique index first (addIndex(..., index(...).unique(), true))"));
            if (!i.isUnique() || !i.columns().equals(constraint.columns()) || i.where() != null || !i.method().equals("btree")) {
                throw Ops.invalid("index " + index + " is not a plain unique index on " + constraint.columns(),
                        "use a unique btree index on exactly the constraint's columns");
            }
            if (t.findConstraint(constraint.name()).isPresent()) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has a constraint " + constraint.name(), "choose another name");
            }
            return t.withoutIndex(index).constraint(constraint);
        });
    }
    @Override public String describe() { return "Add constraint " + constraint.name() + " to " + model + " using index " + index; }
    @Override public String nameFragment() { return Ops.snake(constraint.name()); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Index i = before.requireTable(app, model).findIndex(index).orElseThrow();
        return List.of(new RemoveConstraint(model, constraint.name()), new AddIndex(model, i, false));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
