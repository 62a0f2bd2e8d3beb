package dev.keel.operations;

import java.util.Objects;

/**
 * The two-phase removal of a model. {@code MOVE_TO_PENDING} takes the table out of the state and
 * records it as pending, with no SQL; {@code DELETE} drops it. Foreign keys from and to the table must
 * be gone first.
 */
public record SafeDeleteModel(String model, DeletionAction action) implements Operation {
    public SafeDeleteModel {
        model = Ops.model(model);
        Objects.requireNonNull(action, "action");
    }

    @Override public String describe() {
        return action == DeletionAction.MOVE_TO_PENDING
                ? "Delete model " + model + " (its table stays in the database until deleted)"
                : "Drop the pending table of model " + model;
    }
    @Override public String nameFragment() {
        return (action == DeletionAction.MOVE_TO_PENDING ? "delete_" : "delete_pending_") + Ops.snake(model);
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
