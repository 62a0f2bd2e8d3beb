package dev.keel.operations;

/**
 * Renames a sequence ({@code ALTER SEQUENCE ... RENAME TO}, and {@code SET SCHEMA} when the schema
 * changes), keeping its current value: the sequence of a renamed table follows it, so ids go on from
 * where they were. Names may be {@code schema.name}.
 */
public record RenameSequence(String oldName, String newName) implements Operation {
    public RenameSequence {
        Ops.require(oldName, "old sequence name");
        Ops.require(newName, "new sequence name");
    }

    @Override public String describe() { return "Rename sequence " + oldName + " to " + newName; }
    @Override public String nameFragment() { return "rename_" + Ops.snake(oldName) + "_" + Ops.snake(newName); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
