package dev.keel.operations;

import dev.keel.state.Constraint;
import dev.keel.state.PrimaryKey;
import dev.keel.state.ProjectState;

import java.util.List;

/**
 * Renames a constraint, the primary key included ({@code ALTER TABLE ... RENAME CONSTRAINT}, which
 * renames a key's index too); a brief lock, no scan.
 */
public record RenameConstraint(String model, String oldName, String newName) implements Operation {
    public RenameConstraint {
        model = Ops.model(model);
        Ops.require(oldName, "old constraint name");
        Ops.require(newName, "new constraint name");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        PrimaryKey pk = state.requireTable(app, model).primaryKey();
        boolean primaryKey = pk != null && pk.name().equals(oldName);
        Constraint c = primaryKey ? null : RemoveConstraint.require(app, model, oldName, state);
        return state.updateTable(app, model, t -> {
            if (t.findConstraint(newName).isPresent() || (t.primaryKey() != null && t.primaryKey().name().equals(newName))) {
                throw Ops.invalid("table " + t.qualifiedName() + " already has a constraint " + newName, "choose another name");
            }
            return primaryKey ? t.withPrimaryKey(new PrimaryKey(newName, pk.columns()))
                    : t.replaceConstraint(oldName, c.withName(newName));
        });
    }
    @Override public String describe() { return "Rename constraint " + oldName + " on " + model + " to " + newName; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new RenameConstraint(model, newName, oldName)); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
