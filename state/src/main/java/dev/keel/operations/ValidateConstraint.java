package dev.keel.operations;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.ProjectState;

import java.util.List;

/**
 * Validates a constraint added {@code NOT VALID} ({@code ALTER TABLE ... VALIDATE CONSTRAINT}): scans
 * the rows under a lock that lets writes through.
 */
public record ValidateConstraint(String model, String name) implements Operation {
    public ValidateConstraint {
        model = Ops.model(model);
        Ops.require(name, "constraint name");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        Constraint c = RemoveConstraint.require(app, model, name, state);
        Constraint validated;
        if (c instanceof ForeignKey fk) {
            validated = fk.validatedCopy();
        } else if (c instanceof CheckConstraint ch) {
            validated = new CheckConstraint(ch.name(), ch.expression(), true);
        } else {
            throw Ops.invalid("constraint " + name + " of " + model + " is a unique constraint, which is never NOT VALID",
                    "validate only foreign keys and checks");
        }
        return state.updateTable(app, model, t -> t.replaceConstraint(name, validated));
    }
    @Override public String describe() { return "Validate constraint " + name + " on " + model; }
    @Override public String nameFragment() { return "validate_" + Ops.snake(name); }

    /** The database cannot un-validate; the reverse marks the constraint NOT VALID in the state only. */
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Constraint c = RemoveConstraint.require(app, model, name, before);
        return List.of(new SeparateDatabaseAndState(List.of(),
                List.of(new RemoveConstraint(model, name), new AddConstraint(model, c))));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
