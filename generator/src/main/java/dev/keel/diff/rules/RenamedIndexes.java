package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RenameIndex;
import dev.keel.state.Index;
import dev.keel.state.Table;

/** An index whose definition is unchanged but whose name changed: renamed, not rebuilt. */
public final class RenamedIndexes implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            for (Index old : pair[0].indexes()) {
                if (pair[1].findIndex(old.name()).isPresent()) {
                    continue;
                }
                pair[1].indexes().stream()
                        .filter(n -> pair[0].findIndex(n.name()).isEmpty() && n.withName(old.name()).equals(old))
                        .findFirst()
                        .ifPresent(n -> ctx.emit(pair[0].app(), new RenameIndex(pair[0].model(), old.name(), n.name())));
            }
        }
    }
}
