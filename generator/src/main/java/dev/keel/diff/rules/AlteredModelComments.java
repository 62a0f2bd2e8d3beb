package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AlterModelComment;
import dev.keel.state.Table;

import java.util.Objects;

/** Table comments ({@code @Comment} on the entity) that changed. */
public final class AlteredModelComments implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            if (!Objects.equals(pair[0].comment(), pair[1].comment())) {
                ctx.emit(pair[0].app(), new AlterModelComment(pair[0].model(), pair[1].comment()));
            }
        }
    }
}
