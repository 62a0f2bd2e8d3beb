package dev.keel.operations;

/**
 * Drops a field's column ({@code ALTER TABLE ... DROP COLUMN}), with the keys and indexes that use
 * it. The safe, two-phase form is {@link SafeRemoveField}.
 */
public record RemoveField(String model, String field) implements Operation {
    public RemoveField {
        model = Ops.model(model);
        Ops.require(field, "field");
    }

    @Override public String describe() { return "Remove field " + field + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
