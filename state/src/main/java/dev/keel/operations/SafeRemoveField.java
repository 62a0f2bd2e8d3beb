package dev.keel.operations;

import dev.keel.state.Column;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;
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

    @Override public ProjectState applyTo(String app, ProjectState state) {
        if (action == DeletionAction.MOVE_TO_PENDING) {
            Table t = state.requireTable(app, model);
            Column c = Ops.requireField(t, field);
            if (c.notNull() && c.defaultSql() == null) {
                throw Ops.invalid("column " + c.name() + " of " + t.qualifiedName() + " is NOT NULL without a database default:"
                        + " the deployed code stops writing it and every insert would fail",
                        "make it nullable (or give it a database default) in an AlterField before this operation");
            }
            return state.updateTable(app, model, x -> x.withoutColumn(c.name()))
                    .addPending(new PendingColumn(app, model, t.qualifiedName(), c));
        }
        return state.removePending(pending(app, state));
    }

    PendingColumn pending(String app, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingColumn pc && pc.app().equals(app) && pc.model().equals(model)
                        && field.equals(pc.column().field()))
                .map(PendingColumn.class::cast).findFirst()
                .orElseThrow(() -> Ops.invalid("no pending column for field " + field + " of " + app + "." + model
                        + ". Pending: " + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "move the field to pending first (SafeRemoveField with MOVE_TO_PENDING)"));
    }

    @Override public String describe() {
        return action == DeletionAction.MOVE_TO_PENDING
                ? "Remove field " + field + " from " + model + " (its column stays in the database until deleted)"
                : "Delete the pending column of field " + field + " of " + model;
    }
    @Override public String nameFragment() {
        return (action == DeletionAction.MOVE_TO_PENDING ? "remove_" : "delete_pending_") + Ops.snake(model) + "_" + Ops.snake(field);
    }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        if (action == DeletionAction.MOVE_TO_PENDING) {
            return List.of(new RestorePendingField(model, field));
        }
        PendingColumn p = pending(app, before);
        return List.of(new RecreatePendingField(model, p.table(), p.column()));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
