package dev.keel.operations;

/** Drops an index ({@code DROP INDEX}, or {@code DROP INDEX CONCURRENTLY IF EXISTS}). */
public record RemoveIndex(String model, String name, boolean isConcurrent) implements Operation {
    public RemoveIndex {
        model = Ops.model(model);
        Ops.require(name, "index name");
    }

    /** This drop, without blocking reads and writes. */
    public RemoveIndex concurrently() {
        return new RemoveIndex(model, name, true);
    }

    @Override public String describe() { return "Remove index " + name + " from " + model; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(name); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
