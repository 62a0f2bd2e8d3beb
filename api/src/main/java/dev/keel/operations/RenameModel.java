package dev.keel.operations;

/**
 * Renames a model (and its entity) in the state. The table keeps its name: renaming the table is
 * {@link AlterModelTable}, a separate and deliberate step.
 */
public record RenameModel(String oldModel, String newModel) implements Operation {
    public RenameModel {
        Ops.require(oldModel, "old model");
        Ops.require(newModel, "new model");
    }

    @Override public String describe() { return "Rename model " + oldModel + " to " + newModel; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldModel) + "_" + Ops.snake(newModel); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
