package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AlterField;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.Map;
import java.util.Objects;

/**
 * Kept fields whose column changed in the database: type, nullability, default, identity, comment, or
 * column name. A database default that equals the field's Java initializer stays (it was put there on
 * purpose when the column was added), and so does a {@link Column#keepDefault() kept} default (the value
 * typed at the prompt when the column was added) while the entity declares no default of its own.
 */
public final class AlteredFields implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            Table before = pair[0];
            Map<String, Column> wanted = Columns.byKey(pair[1]);
            for (Column old : before.columns()) {
                String key = Columns.key(before, old);
                Column now = wanted.get(key);
                if (now == null) {
                    continue;
                }
                if (!now.isGenerated() && now.defaultSql() == null && old.defaultSql() != null && Objects.equals(old.defaultSql(),
                        ctx.hints().initializerDefault(before.app(), before.model(), key).orElse(null))) {
                    ctx.acceptInitializerDefault(before.app(), before.model(), key, old.defaultSql());
                    now = now.defaultSql(old.defaultSql());
                } else if (!now.isGenerated() && now.defaultSql() == null && old.defaultKept() && now.identity() == dev.keel.state.Identity.NONE) {
                    // (an identity takes over from a kept default: the key switched from a sequence back to an identity)
                    ctx.keepDefault(before.app(), before.model(), key, old.defaultSql());
                    now = now.defaultSql(old.defaultSql()).keepDefault();
                }
                if (!old.sameInDatabase(now)) {
                    ctx.emit(before.app(), new AlterField(before.model(), key, now));
                }
            }
        }
    }
}
