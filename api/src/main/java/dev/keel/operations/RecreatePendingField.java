package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;

import java.util.List;
import java.util.Objects;

/**
 * The reverse of {@code SafeRemoveField(DELETE)}: adds the dropped column back (nullable, its data is
 * gone) with the indexes and constraints it was deleted with, and records it as pending again.
 */
public record RecreatePendingField(String model, String table, Column column, List<Index> indexes,
                                   List<Constraint> constraints) implements Operation {
    public RecreatePendingField {
        model = Ops.model(model);
        Ops.require(table, "table");
        Objects.requireNonNull(column, "column");
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** The column alone, without indexes or constraints. */
    public RecreatePendingField(String model, String table, Column column) {
        this(model, table, column, List.of(), List.of());
    }

    @Override public String describe() { return "Recreate pending column " + column.name() + " of " + table; }
    @Override public String nameFragment() { return "recreate_" + Ops.snake(model) + "_" + Ops.snake(column.name()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
