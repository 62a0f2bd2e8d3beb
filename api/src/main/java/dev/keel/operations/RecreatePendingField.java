package dev.keel.operations;

import dev.keel.state.Column;

import java.util.Objects;

/**
 * The reverse of {@code SafeRemoveField(DELETE)}: adds the dropped column back (nullable, its data is
 * gone) and records it as pending again.
 */
public record RecreatePendingField(String model, String table, Column column) implements Operation {
    public RecreatePendingField {
        model = Ops.model(model);
        Ops.require(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override public String describe() { return "Recreate pending column " + column.name() + " of " + table; }
    @Override public String nameFragment() { return "recreate_" + Ops.snake(model) + "_" + Ops.snake(column.name()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
