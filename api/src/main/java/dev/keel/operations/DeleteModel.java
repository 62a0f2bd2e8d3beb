package dev.keel.operations;

/** Drops a model's table ({@code DROP TABLE}). The safe, two-phase form is {@link SafeDeleteModel}. */
public record DeleteModel(String model) implements Operation {
    public DeleteModel { model = Ops.model(model); }

    @Override public String describe() { return "Delete model " + model; }
    @Override public String nameFragment() { return "delete_" + Ops.snake(model); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
