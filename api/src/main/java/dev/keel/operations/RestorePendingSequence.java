package dev.keel.operations;

/** The reverse of {@code SafeDeleteSequence(MOVE_TO_PENDING)}: the pending sequence is in the state again. State only. */
public record RestorePendingSequence(String name) implements Operation {
    public RestorePendingSequence { Ops.require(name, "sequence name"); }

    @Override public String describe() { return "Restore pending sequence " + name; }
    @Override public String nameFragment() { return "restore_" + Ops.snake(name); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
