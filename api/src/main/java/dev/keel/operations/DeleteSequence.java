package dev.keel.operations;

/** Drops a sequence. */
public record DeleteSequence(String name) implements Operation {
    public DeleteSequence { Ops.require(name, "sequence name"); }

    @Override public String describe() { return "Delete sequence " + name; }
    @Override public String nameFragment() { return "delete_" + Ops.snake(name); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
