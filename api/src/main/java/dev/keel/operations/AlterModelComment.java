package dev.keel.operations;

/** Sets or clears a table's comment ({@code COMMENT ON TABLE}); null clears it. */
public record AlterModelComment(String model, String comment) implements Operation {
    public AlterModelComment { model = Ops.model(model); }

    @Override public String describe() { return (comment == null ? "Clear" : "Set") + " the comment of " + model; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_comment"; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
