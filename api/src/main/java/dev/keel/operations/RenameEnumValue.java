package dev.keel.operations;

/** Renames a value of an enum type ({@code ALTER TYPE ... RENAME VALUE ... TO ...}); rows holding it follow. */
public record RenameEnumValue(String type, String oldValue, String newValue) implements Operation {
    public RenameEnumValue {
        Ops.require(type, "enum type name");
        Ops.require(oldValue, "old enum value");
        Ops.require(newValue, "new enum value");
    }

    @Override public String describe() { return "Rename value " + oldValue + " of enum type " + type + " to " + newValue; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(type) + "_" + Ops.snake(oldValue); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
