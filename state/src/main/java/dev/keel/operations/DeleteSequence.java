package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.List;

/** Drops a sequence. */
public record DeleteSequence(String name) implements Operation {
    public DeleteSequence { Ops.require(name, "sequence name"); }

    @Override public ProjectState applyTo(String app, ProjectState state) { return state.removeSequence(name); }
    @Override public String describe() { return "Delete sequence " + name; }
    @Override public String nameFragment() { return "delete_" + Ops.snake(name); }
    @Override public List<Operation> reverse(String app, ProjectState before) { return List.of(new CreateSequence(before.requireSequence(name))); }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
