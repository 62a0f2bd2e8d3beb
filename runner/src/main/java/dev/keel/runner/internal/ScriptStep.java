package dev.keel.runner.internal;

import dev.keel.project.ProjectState;
import dev.keel.runner.sql.Step;

import java.util.Objects;

/**
 * One thing the executor does for a migration: a statement (perhaps guarded, perhaps after a guarded
 * cleanup such as dropping an invalid index) or a Java method call, with the operation it belongs to
 * (for messages) and the state that operation meets (for Java).
 */
public record ScriptStep(String operation, Step step, Guard guard, ReRunnable.Guarded cleanup, ProjectState state) {
    public ScriptStep {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
    }

    /** A step without guard or cleanup. */
    public ScriptStep(String operation, Step step, ProjectState state) {
        this(operation, step, null, null, state);
    }

    /** The statement's text, or the Java call as a comment. */
    public String text() {
        return step.toString().strip();
    }
}
