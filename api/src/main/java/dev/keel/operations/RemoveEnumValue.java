package dev.keel.operations;

/**
 * Takes a value out of an enum type. PostgreSQL has no {@code DROP VALUE}: the type is rebuilt without it and every
 * column of the type rewritten into the new one, which fails while a row holds the value and locks each table for the
 * rewrite. The reverse of {@link AddEnumValue}; keel never generates it for a change of the entities (a constant taken
 * out of an enum is refused with the steps to take instead).
 */
public record RemoveEnumValue(String type, String value) implements Operation {
    public RemoveEnumValue {
        Ops.require(type, "enum type name");
        Ops.require(value, "enum value");
    }

    @Override public String describe() { return "Remove value " + value + " from enum type " + type; }
    @Override public String nameFragment() { return "remove_" + Ops.snake(type) + "_" + Ops.snake(value); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
