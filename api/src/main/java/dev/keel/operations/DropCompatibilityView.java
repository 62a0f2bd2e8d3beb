package dev.keel.operations;

/** Drops the view that kept the old name of a renamed table ({@link CreateCompatibilityView}): the delete phase. */
public record DropCompatibilityView(String view) implements Operation {
    public DropCompatibilityView { Ops.require(view, "view"); }

    @Override public String describe() { return "Drop the view " + view + " that kept a renamed table's old name"; }
    @Override public String nameFragment() { return "drop_" + Ops.snake(view); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
