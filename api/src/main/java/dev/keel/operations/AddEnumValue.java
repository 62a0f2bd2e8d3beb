package dev.keel.operations;

/**
 * Adds a value to an enum type ({@code ALTER TYPE ... ADD VALUE ... BEFORE/AFTER}): before {@code before}, after
 * {@code after}, or at the end when both are null. PostgreSQL lets no statement of the same transaction use the new
 * value, so keel gives it a migration of its own when another operation would.
 */
public record AddEnumValue(String type, String value, String before, String after) implements Operation {
    public AddEnumValue {
        Ops.require(type, "enum type name");
        Ops.require(value, "enum value");
        if (before != null && after != null) {
            throw new IllegalArgumentException("the value " + value + " of enum type " + type + " goes before or after another, not both");
        }
    }

    /** The value added at the end. */
    public AddEnumValue(String type, String value) {
        this(type, value, null, null);
    }

    @Override public String describe() {
        return "Add value " + value + " to enum type " + type
                + (before != null ? " before " + before : after != null ? " after " + after : "");
    }
    @Override public String nameFragment() { return Ops.snake(type) + "_" + Ops.snake(value); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
