package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RemoveField;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.Map;

/** Fields of kept models that the entities no longer have. (The safety rewriter makes the removal two-phase.) */
public final class RemovedFields implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            Map<String, Column> wanted = Columns.byKey(pair[1]);
            for (Column old : pair[0].columns()) {
                String key = Columns.key(pair[0], old);
                if (!wanted.containsKey(key)) {
                    ctx.emit(pair[0].app(), new RemoveField(pair[0].model(), old.field() != null ? old.field() : key));
                }
            }
        }
    }
}
