package dev.keel.operations;

import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;
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

    @Override public ProjectState applyTo(String app, ProjectState state) {
        if (action == DeletionAction.MOVE_TO_PENDING) {
            Table t = state.requireTable(app, model);
            var referencing = state.tables().stream().filter(o -> o != t)
                    .filter(o -> o.foreignKeys().stream().anyMatch(fk -> fk.enforced() && fk.targetTable().equals(t.qualifiedName())))
                    .map(o -> o.app() + "." + o.model()).toList();
            if (!referencing.isEmpty()) {
                throw Ops.invalid("table " + t.qualifiedName() + " is still referenced by foreign keys of " + referencing,
                        "remove those foreign keys before deleting " + model);
            }
            if (t.foreignKeys().stream().anyMatch(ForeignKeys::enforced)) {
                throw Ops.invalid("table " + t.qualifiedName() + " still has foreign keys to other tables: "
                        + t.foreignKeys().stream().filter(ForeignKeys::enforced).map(fk -> fk.name()).toList(),
                        "remove them (RemoveConstraint) before moving the model to pending");
            }
            return state.removeTable(app, model).addPending(new PendingTable(app, model, t));
        }
        return state.removePending(pending(app, state));
    }

    PendingTable pending(String app, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingTable pt && pt.app().equals(app) && pt.model().equals(model))
                .map(PendingTable.class::cast).findFirst()
                .orElseThrow(() -> Ops.invalid("no pending table for model " + app + "." + model + ". Pending: "
                        + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "move the model to pending first (SafeDeleteModel with MOVE_TO_PENDING)"));
    }

    @Override public String describe() {
        return action == DeletionAction.MOVE_TO_PENDING
                ? "Delete model " + model + " (its table stays in the database until deleted)"
                : "Drop the pending table of model " + model;
    }
    @Override public String nameFragment() {
        return (action == DeletionAction.MOVE_TO_PENDING ? "delete_" : "delete_pending_") + Ops.snake(model);
    }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        if (action == DeletionAction.MOVE_TO_PENDING) {
            return List.of(new RestorePendingModel(model));
        }
        return List.of(new RecreatePendingModel(model, pending(app, before).definition()));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }

    private static final class ForeignKeys {
        static boolean enforced(dev.keel.state.ForeignKey fk) { return fk.enforced(); }
    }
}
