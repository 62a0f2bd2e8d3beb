package dev.keel.operations;

/** Drops an enum type no column uses any more, with its casts ({@code DROP TYPE}); comes after those columns are gone. */
public record DropEnumType(String name) implements Operation {
    public DropEnumType { Ops.require(name, "enum type name"); }

    @Override public String describe() { return "Drop enum type " + name; }
    @Override public String nameFragment() { return "drop_" + Ops.snake(name) + "_enum"; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
