package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AddIndex;
import dev.keel.state.Index;
import dev.keel.state.Table;

/** Indexes the entities declare that kept models lack. (The safety rewriter builds them concurrently.) */
public final class AddedIndexes implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            for (Index i : pair[1].indexes()) {
                if (pair[0].findIndex(i.name()).isEmpty()) {
                    ctx.emit(pair[0].app(), new AddIndex(pair[0].model(), i, false));
                }
            }
        }
    }
}
