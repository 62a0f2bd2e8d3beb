package dev.keel.operations;

import java.util.Objects;

/**
 * The two-phase removal of a sequence, as {@link SafeDeleteModel} is for a table: the code still
 * running during a deploy draws ids from it ({@code nextval}) until it is gone. {@code MOVE_TO_PENDING}
 * takes the sequence out of the state and records it as pending, with no SQL; {@code DELETE} drops it,
 * in the migration that drops the pending tables.
 */
public record SafeDeleteSequence(String name, DeletionAction action) implements Operation {
    public SafeDeleteSequence {
        Ops.require(name, "sequence name");
        Objects.requireNonNull(action, "action");
    }

    @Override public String describe() {
        return action == DeletionAction.MOVE_TO_PENDING
                ? "Delete sequence " + name + " (it stays in the database until deleted)"
                : "Drop the pending sequence " + name;
    }
    @Override public String nameFragment() {
        return (action == DeletionAction.MOVE_TO_PENDING ? "delete_" : "delete_pending_") + Ops.snake(name);
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
