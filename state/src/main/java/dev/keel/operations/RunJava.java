package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.List;

/**
 * Runs Java code of the migration class: {@code forward} and {@code reverse} name methods of the
 * migration that take a migration context. A null reverse makes the operation irreversible; the
 * state does not change.
 */
public record RunJava(String forward, String reverse) implements Operation {
    public RunJava {
        Ops.require(forward, "forward method");
        if (reverse != null && reverse.isBlank()) {
            throw new IllegalArgumentException("reverse method must be null (irreversible) or a method name");
        }
    }

    @Override public ProjectState applyTo(String app, ProjectState state) { return state; }
    @Override public String describe() { return "Run Java " + forward + "()"; }
    @Override public String nameFragment() { return Ops.snake(forward); }
    @Override public boolean reversible() { return reverse != null; }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        if (reverse == null) {
            throw Ops.irreversible(this);
        }
        return List.of(new RunJava(reverse, forward));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
