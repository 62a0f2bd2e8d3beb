package dev.keel.operations;

/** The reverse of {@code SafeRemoveField(MOVE_TO_PENDING)}: the pending column is a field again. State only. */
public record RestorePendingField(String model, String field) implements Operation {
    public RestorePendingField {
        model = Ops.model(model);
        Ops.require(field, "field");
    }

    @Override public String describe() { return "Restore pending field " + field + " of " + model; }
    @Override public String nameFragment() { return "restore_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
