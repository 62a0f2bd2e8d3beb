package dev.keel.operations;

import java.util.Objects;

/**
 * The two-phase removal of a field. {@code MOVE_TO_PENDING} takes the field out of the state and
 * records its column as pending, with no SQL: the running application may still write it until the
 * deploy completes. {@code DELETE} drops the pending column.
 */
public record SafeRemoveField(String model, String field, DeletionAction action) implements Operation {
    public SafeRemoveField {
        model = Ops.model(model);
        Ops.require(field, "field");
        Objects.requireNonNull(action, "action");
    }

    @Override public String describe() {
        return action == DeletionAction.MOVE_TO_PENDING
                ? "Remove field " + field + " from " + model + " (its column stays in the database until deleted)"
                : "Delete the pending column of field " + field + " of " + model;
    }
    @Override public String nameFragment() {
        return (action == DeletionAction.MOVE_TO_PENDING ? "remove_" : "delete_pending_") + Ops.snake(model) + "_" + Ops.snake(field);
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
