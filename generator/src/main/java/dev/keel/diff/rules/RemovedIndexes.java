package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RemoveIndex;
import dev.keel.state.Index;
import dev.keel.state.Table;

/** Indexes of kept models that the entities no longer declare, or declare differently. */
public final class RemovedIndexes implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            for (Index i : pair[0].indexes()) {
                var wanted = pair[1].findIndex(i.name());
                if (wanted.isEmpty() || !wanted.get().equals(i)) {
                    ctx.emit(pair[0].app(), new RemoveIndex(pair[0].model(), i.name(), false));
                }
            }
        }
    }
}
