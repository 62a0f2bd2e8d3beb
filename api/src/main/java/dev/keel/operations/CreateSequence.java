package dev.keel.operations;

import dev.keel.state.Sequence;

import java.util.Objects;

/** Creates a sequence ({@code CREATE SEQUENCE ... START WITH ... INCREMENT BY ...}). */
public record CreateSequence(Sequence sequence) implements Operation {
    public CreateSequence { Objects.requireNonNull(sequence, "sequence"); }

    @Override public String describe() { return "Create sequence " + sequence.name(); }
    @Override public String nameFragment() { return Ops.snake(sequence.name()); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
