package dev.keel.operations;

/**
 * Drops the trigger and function that kept {@code column} of the model's table in step with another
 * column ({@link AddColumnSync}): the contract, before the old column is dropped.
 */
public record RemoveColumnSync(String model, String column) implements Operation {
    public RemoveColumnSync {
        model = Ops.model(model);
        Ops.require(column, "column");
    }

    @Override public String describe() { return "Stop keeping column " + column + " of " + model + " in step with its old column"; }
    @Override public String nameFragment() { return "drop_sync_" + Ops.snake(model) + "_" + Ops.snake(column); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
