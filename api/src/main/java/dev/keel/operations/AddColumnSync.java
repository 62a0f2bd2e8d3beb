package dev.keel.operations;

/**
 * Keeps the physical column {@code column} of the model's table in step with the physical column
 * {@code source} while two versions of the code run: a {@code BEFORE INSERT OR UPDATE} trigger fills
 * whichever of the two columns a write left out. {@code forward} is the SQL expression that gives
 * {@code column}'s value, written over {@code source} by its name ({@code nick}, {@code amount::bigint});
 * {@code backward} gives {@code source}'s value, written over {@code column} by its name
 * ({@code nickname}, {@code amount_new::integer}).
 *
 * <p>On insert, a non-null {@code source} gives {@code column}, else a non-null {@code column} gives
 * {@code source}; on update, a changed {@code source} gives {@code column}, else a changed {@code column}
 * gives {@code source} (the old column wins when a write changes both). The sync is pending deletion:
 * {@code makemigrations --delete-pending} drops it ({@link RemoveColumnSync}) before the old column.
 */
public record AddColumnSync(String model, String source, String column, String forward, String backward) implements Operation {
    public AddColumnSync {
        model = Ops.model(model);
        Ops.require(source, "source column");
        Ops.require(column, "column");
        Ops.require(forward, "forward expression");
        Ops.require(backward, "backward expression");
        if (source.equals(column)) {
            throw new IllegalArgumentException("a column cannot be kept in step with itself: " + column);
        }
    }

    @Override public String describe() {
        return "Keep column " + column + " of " + model + " in step with column " + source + " until the pending deletions";
    }
    @Override public String nameFragment() { return "sync_" + Ops.snake(model) + "_" + Ops.snake(column); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
