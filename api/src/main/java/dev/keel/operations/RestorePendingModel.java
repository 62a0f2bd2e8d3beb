package dev.keel.operations;

/** The reverse of {@code SafeDeleteModel(MOVE_TO_PENDING)}: the pending table is a model again. State only. */
public record RestorePendingModel(String model) implements Operation {
    public RestorePendingModel { model = Ops.model(model); }

    @Override public String describe() { return "Restore pending model " + model; }
    @Override public String nameFragment() { return "restore_" + Ops.snake(model); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
