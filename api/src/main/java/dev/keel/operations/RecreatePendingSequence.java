package dev.keel.operations;

import dev.keel.state.Sequence;

import java.util.Objects;

/** The reverse of {@code SafeDeleteSequence(DELETE)}: creates the dropped sequence again (from its start), as pending. */
public record RecreatePendingSequence(Sequence sequence) implements Operation {
    public RecreatePendingSequence { Objects.requireNonNull(sequence, "sequence"); }

    @Override public String describe() { return "Recreate pending sequence " + sequence.name(); }
    @Override public String nameFragment() { return "recreate_" + Ops.snake(sequence.name()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
