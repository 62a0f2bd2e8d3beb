package dev.keel.operations;

/**
 * The switch of a type change written as expand and contract: the field {@code field} takes the column of the
 * field {@code other} (the new-type column keel filled beside it), under the name of its own column, and
 * {@code other} takes the field's former column, renamed {@code otherColumn}. In SQL, two renames in the
 * migration's transaction: the field's column to {@code otherColumn}, then {@code other}'s column to the
 * field's column name. The code, which names the column, then reads and writes the new one.
 *
 * <p>Indexes and constraints follow their columns. Its reverse is a switch back: the same fields, with
 * {@code otherColumn} the name {@code other}'s column had before.
 */
public record SwitchColumn(String model, String field, String other, String otherColumn) implements Operation {
    public SwitchColumn {
        model = Ops.model(model);
        Ops.require(field, "field");
        Ops.require(other, "other field");
        Ops.require(otherColumn, "other column");
        if (field.equals(other)) {
            throw new IllegalArgumentException("switchColumn needs two different fields, not " + field + " twice");
        }
    }

    @Override public String describe() {
        return "Switch field " + field + " of " + model + " to the column of " + other + " (its former column renamed " + otherColumn + ")";
    }
    @Override public String nameFragment() { return "switch_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
