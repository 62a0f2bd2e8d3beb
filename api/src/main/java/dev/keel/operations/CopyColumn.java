package dev.keel.operations;

/**
 * Fills the physical column {@code column} of the model's table for the existing rows:
 * {@code column = expression} where {@code column} is still null and the expression is not, in batches
 * walked by the primary key, each batch its own transaction, resumable after an interruption. Belongs
 * in a non-atomic (post-deployment) migration. Changes no state; its reverse does nothing.
 */
public record CopyColumn(String model, String column, String expression) implements Operation {
    public CopyColumn {
        model = Ops.model(model);
        Ops.require(column, "column");
        Ops.require(expression, "expression");
    }

    @Override public String describe() { return "Copy " + expression + " into column " + column + " of " + model + " for the existing rows"; }
    @Override public String nameFragment() { return "copy_" + Ops.snake(model) + "_" + Ops.snake(column); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
