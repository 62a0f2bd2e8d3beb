package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.CreateModel;
import dev.keel.project.ModelKey;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New models. A new table is created after the new tables its foreign keys point at; a foreign key
 * that would close a cycle is left out of its {@code CreateModel} and added once every table exists.
 */
public final class CreatedModels implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        Map<String, Table> pending = new LinkedHashMap<>();
        for (Table t : ctx.target().tables()) {
            if (ctx.currentTable(new ModelKey(t.app(), t.model())).isEmpty()) {
                pending.put(t.qualifiedName(), t);
            }
        }
        var deferred = new ArrayList<Table>();
        while (!pending.isEmpty()) {
            Table next = pending.values().stream()
                    .filter(t -> t.foreignKeys().stream().allMatch(fk -> !fk.enforced() || ready(ctx, t, fk, pending)))
                    .findFirst()
                    .orElse(pending.values().iterator().next());
            pending.remove(next.qualifiedName());
            List<ForeignKey> later = next.foreignKeys().stream()
                    .filter(fk -> !fk.targetTable().equals(next.qualifiedName()) && ctx.current().tableNamed(fk.targetTable()).isEmpty())
                    .toList();
            Table created = next;
            for (ForeignKey fk : later) {
                created = created.withoutConstraint(fk.name());
            }
            ctx.emit(next.app(), new CreateModel(next.modelName(), created));
            if (!later.isEmpty()) {
                deferred.add(next);
            }
        }
        for (Table t : deferred) {
            for (ForeignKey fk : t.foreignKeys()) {
                var now = ctx.current().requireTable(t.app(), t.model());
                if (now.findConstraint(fk.name()).isEmpty() && ctx.current().tableNamed(fk.targetTable()).isPresent()) {
                    ctx.emit(t.app(), new AddConstraint(t.model(), fk));
                }
            }
        }
    }

    private static boolean ready(DiffContext ctx, Table t, ForeignKey fk, Map<String, Table> pending) {
        return fk.targetTable().equals(t.qualifiedName()) || !pending.containsKey(fk.targetTable());
    }
}
