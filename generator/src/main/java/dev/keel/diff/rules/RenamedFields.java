package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.diff.FieldRef;
import dev.keel.operations.AlterField;
import dev.keel.operations.RenameField;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.ArrayList;

/**
 * Renamed fields. With a {@code @RenamedFrom} hint, or when a vanished and a new field of one model map
 * to the same column (the Java name changed, {@code @Column(name)} kept it), the rename is state-only;
 * when the column name changes too it renames the column. A vanished and a new field with the same
 * definition under another column name are a likely rename: the questioner decides.
 */
public final class RenamedFields implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            Table before = pair[0];
            Table after = pair[1];
            if (before.entity() == null) {
                continue;
            }
            var removed = new ArrayList<Column>();
            var added = new ArrayList<Column>();
            for (Column c : before.columns()) {
                if (c.field() != null && after.findField(c.field()).isEmpty()) {
                    removed.add(c);
                }
            }
            for (Column c : after.columns()) {
                if (c.field() != null && before.findField(c.field()).isEmpty()) {
                    added.add(c);
                }
            }
            for (Column now : added) {
                Column old = match(ctx, before, now, removed);
                if (old == null) {
                    continue;
                }
                removed.remove(old);
                RenameField rename = new RenameField(before.model(), old.field(), now.field(), null);
                if (!old.name().equals(now.name())) {
                    rename = rename.renamingColumn(now.name());
                }
                ctx.emit(before.app(), rename);
                if (!Columns.sameDefinition(old, now)) {
                    ctx.emit(before.app(), new AlterField(before.model(), now.field(), now));
                }
            }
        }
    }

    private static Column match(DiffContext ctx, Table before, Column now, java.util.List<Column> removed) {
        String hinted = ctx.hints().renamedFields().get(new FieldRef(before.app(), before.model(), now.field()));
        for (Column old : removed) {
            if (old.field().equals(hinted) || old.name().equals(now.name())) {
                return old;
            }
        }
        for (Column old : removed) {
            if (Columns.sameDefinition(old, now) && before.findColumn(now.name()).isEmpty()
                    && ctx.questioner().isRename(new FieldRef(before.app(), before.model(), old.field()),
                    new FieldRef(before.app(), before.model(), now.field()))) {
                return old;
            }
        }
        return null;
    }
}
