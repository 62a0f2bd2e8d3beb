package dev.keel.runner.internal;

import dev.keel.project.ProjectState;
import dev.keel.runner.sql.StatementLocks;
import dev.keel.runner.sql.Step;

import java.util.List;
import java.util.Objects;

/**
 * One thing the executor does for a migration: a statement (perhaps guarded, perhaps after a guarded
 * cleanup such as dropping an invalid index) or a Java method call, with the operation it belongs to
 * (for messages) and the state that operation meets (for Java). {@code takes} is the table locks the
 * statement takes (null when keel cannot read it: the user's SQL, Java); {@code locks} the
 * {@code LOCK TABLE} statements run just before it, in its transaction ({@link LockPlan}).
 */
public record ScriptStep(String operation, Step step, Guard guard, ReRunnable.Guarded cleanup, ProjectState state,
                         StatementLocks takes, List<Lock> locks) {
    public ScriptStep {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        locks = List.copyOf(locks);
    }

    /** A step without guard or cleanup, whose locks keel does not know. */
    public ScriptStep(String operation, Step step, ProjectState state) {
        this(operation, step, null, null, state, null, List.of());
    }

    /** This step with {@code locks} run before it. */
    ScriptStep withLocks(List<Lock> newLocks) {
        return new ScriptStep(operation, step, guard, cleanup, state, takes, newLocks);
    }

    /** The statement's text, or the Java call as a comment. */
    public String text() {
        return step.toString().strip();
    }
}
