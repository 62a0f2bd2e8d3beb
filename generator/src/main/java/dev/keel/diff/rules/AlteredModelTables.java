package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AlterModelTable;
import dev.keel.state.Table;

/** A kept model whose table name or schema changed ({@code @Table(name)}). */
public final class AlteredModelTables implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            if (!pair[0].qualifiedName().equals(pair[1].qualifiedName())) {
                ctx.emit(pair[0].app(), new AlterModelTable(pair[0].model(), pair[1].qualifiedName()));
            }
        }
    }
}
