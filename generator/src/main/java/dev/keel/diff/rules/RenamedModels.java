package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.diff.SchemaComparison;
import dev.keel.operations.RenameModel;
import dev.keel.project.ModelKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renamed entity classes: from {@code @RenamedFrom} hints, and otherwise a vanished and a new model of
 * one app with the same columns, if the questioner agrees. A rename keeps the table; a new table name is
 * {@link AlteredModelTables}' business.
 */
public final class RenamedModels implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Map.Entry<ModelKey, String> hint : new java.util.TreeMap<>(ctx.hints().renamedModels()).entrySet()) {
            ModelKey renamed = hint.getKey();
            var target = ctx.targetTable(renamed);
            boolean oldExists = ctx.current().table(renamed.app(), hint.getValue()).isPresent();
            if (target.isPresent() && oldExists && ctx.currentTable(renamed).isEmpty()) {
                ctx.emit(renamed.app(), new RenameModel(hint.getValue(), target.get().modelName()));
            }
        }
        List<Table> vanished = new ArrayList<>();
        for (Table t : ctx.current().tables()) {
            if (t.entity() != null && ctx.targetTable(new ModelKey(t.app(), t.model())).isEmpty()) {
                vanished.add(t);
            }
        }
        for (Table added : ctx.target().tables()) {
            if (added.entity() == null || ctx.currentTable(new ModelKey(added.app(), added.model())).isPresent()) {
                continue;
            }
            for (Table old : vanished) {
                if (old.app().equals(added.app()) && SchemaComparison.sameColumns(old, added)
                        && ctx.current().table(old.app(), old.model()).isPresent()
                        && ctx.questioner().isModelRename(old.app(), entityName(old), entityName(added))) {
                    ctx.emit(added.app(), new RenameModel(old.model(), added.modelName()));
                    break;
                }
            }
        }
    }

    private static String entityName(Table t) {
        return t.entity() != null ? t.entity() : t.model();
    }
}
