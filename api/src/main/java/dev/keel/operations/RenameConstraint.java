package dev.keel.operations;

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

    @Override public String describe() { return "Rename constraint " + oldName + " on " + model + " to " + newName; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
