package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.RemoveConstraint;
import dev.keel.project.ModelKey;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.List;

/**
 * Models the entities no longer have. Foreign keys between the tables being deleted are dropped first,
 * then the tables. (Foreign keys from kept tables were dropped by {@link RemovedConstraints}.)
 */
public final class DeletedModels implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        List<Table> gone = ctx.current().tables().stream()
                .filter(t -> ctx.targetTable(new ModelKey(t.app(), t.model())).isEmpty()).toList();
        for (Table t : gone) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.enforced()) {
                    ctx.emit(t.app(), new RemoveConstraint(t.model(), fk.name()));
                }
            }
        }
        for (Table t : gone) {
            ctx.emit(t.app(), new DeleteModel(t.model()));
        }
    }
}
