package dev.keel.operations;

import dev.keel.state.ProjectState;
import dev.keel.state.Sequence;

import java.util.List;
import java.util.Objects;

/** Changes a sequence's increment ({@code ALTER SEQUENCE ... INCREMENT BY}); the start value is kept. */
public record AlterSequence(Sequence sequence) implements Operation {
    public AlterSequence { Objects.requireNonNull(sequence, "sequence"); }

    @Override public ProjectState applyTo(String app, ProjectState state) { state.requireSequence(sequence.name()); return state.replaceSequence(sequence); }
    @Override public String describe() { return "Alter sequence " + sequence.name(); }
    @Override public String nameFragment() { return "alter_" + Ops.snake(sequence.name()); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new AlterSequence(before.requireSequence(sequence.name()))); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
