package dev.keel.operations;

import java.util.List;

/**
 * Keeps the old name of a renamed table usable while the code that uses it still runs: a view
 * {@code view} over {@code table} with the table's columns under the names the old code knows
 * ({@code columns}, in the order of the table's columns at this point). A view over one table is
 * automatically updatable in PostgreSQL: the old code's inserts (which get the table's defaults and
 * identity values), updates and deletes go through it to the renamed table. The view is pending
 * deletion: {@code makemigrations --delete-pending} drops it ({@link DropCompatibilityView}).
 */
public record CreateCompatibilityView(String view, String table, List<String> columns) implements Operation {
    public CreateCompatibilityView {
        Ops.require(view, "view");
        Ops.require(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the view " + view + " needs at least one column");
        }
    }

    @Override public String describe() { return "Keep the old name " + view + " as a view of " + table + " until the pending deletions"; }
    @Override public String nameFragment() { return "keep_" + Ops.snake(view); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
