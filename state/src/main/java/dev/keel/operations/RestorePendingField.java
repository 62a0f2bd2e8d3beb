package dev.keel.operations;

import dev.keel.state.PendingColumn;
import dev.keel.state.ProjectState;

import java.util.List;

/** The reverse of {@code SafeRemoveField(MOVE_TO_PENDING)}: the pending column is a field again. State only. */
public record RestorePendingField(String model, String field) implements Operation {
    public RestorePendingField {
        model = Ops.model(model);
        Ops.require(field, "field");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        PendingColumn p = new SafeRemoveField(model, field, DeletionAction.DELETE).pending(app, state);
        return state.removePending(p).updateTable(app, model, t -> t.column(p.column()));
    }
    @Override public String describe() { return "Restore pending field " + field + " of " + model; }
    @Override public String nameFragment() { return "restore_" + Ops.snake(model) + "_" + Ops.snake(field); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new SafeRemoveField(model, field, DeletionAction.MOVE_TO_PENDING));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
