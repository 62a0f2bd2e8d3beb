package dev.keel.operations;

import dev.keel.state.Sequence;

import java.util.Objects;

/** Changes a sequence's increment ({@code ALTER SEQUENCE ... INCREMENT BY}); the start value is kept. */
public record AlterSequence(Sequence sequence) implements Operation {
    public AlterSequence { Objects.requireNonNull(sequence, "sequence"); }

    @Override public String describe() { return "Alter sequence " + sequence.name(); }
    @Override public String nameFragment() { return "alter_" + Ops.snake(sequence.name()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
