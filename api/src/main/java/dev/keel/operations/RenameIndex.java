package dev.keel.operations;

/** Renames an index ({@code ALTER INDEX ... RENAME TO}). */
public record RenameIndex(String model, String oldName, String newName) implements Operation {
    public RenameIndex {
        model = Ops.model(model);
        Ops.require(oldName, "old index name");
        Ops.require(newName, "new index name");
    }

    @Override public String describe() { return "Rename index " + oldName + " on " + model + " to " + newName; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
