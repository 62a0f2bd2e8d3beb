package dev.keel.operations;

import dev.keel.state.PendingTable;
import dev.keel.state.ProjectState;

import java.util.List;

/** The reverse of {@code SafeDeleteModel(MOVE_TO_PENDING)}: the pending table is a model again. State only. */
public record RestorePendingModel(String model) implements Operation {
    public RestorePendingModel { model = Ops.model(model); }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        PendingTable p = new SafeDeleteModel(model, DeletionAction.DELETE).pending(app, state);
        return state.removePending(p).addTable(app, model, p.definition());
    }
    @Override public String describe() { return "Restore pending model " + model; }
    @Override public String nameFragment() { return "restore_" + Ops.snake(model); }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        return List.of(new SafeDeleteModel(model, DeletionAction.MOVE_TO_PENDING));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
