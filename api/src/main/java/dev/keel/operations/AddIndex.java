package dev.keel.operations;

import dev.keel.state.Index;

import java.util.Objects;

/**
 * Creates an index. {@code concurrently} builds it with {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS},
 * which holds no write lock but cannot run in a transaction (the migration must be non-atomic).
 */
public record AddIndex(String model, Index index, boolean isConcurrent) implements Operation {
    public AddIndex {
        model = Ops.model(model);
        Objects.requireNonNull(index, "index");
    }

    /** This index build, without blocking writes. */
    public AddIndex concurrently() {
        return new AddIndex(model, index, true);
    }

    @Override public String describe() { return "Create index " + index.name() + " on " + model + (isConcurrent ? " concurrently" : ""); }
    @Override public String nameFragment() { return Ops.indexFragment(model, index); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
