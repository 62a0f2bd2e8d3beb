package dev.keel.operations;

/** Renames a model's table ({@code ALTER TABLE ... RENAME TO}); {@code table} may be {@code schema.name}. */
public record AlterModelTable(String model, String table) implements Operation {
    public AlterModelTable {
        model = Ops.model(model);
        Ops.require(table, "table");
    }

    @Override public String describe() { return "Rename table of " + model + " to " + table; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_table"; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
