package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RenameConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;

import java.util.HashSet;
import java.util.Set;

/**
 * A primary key or constraint whose definition is unchanged but whose name changed: renamed, not dropped
 * and rebuilt. Names follow the table's name when it is renamed ({@code author_pkey} becomes
 * {@code writers_pkey}, as PostgreSQL and Hibernate name a new table's key), or the entity names them anew.
 */
public final class RenamedConstraints implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            Table before = pair[0];
            Table after = pair[1];
            PrimaryKey oldKey = before.primaryKey();
            PrimaryKey newKey = after.primaryKey();
            if (oldKey != null && newKey != null && oldKey.columns().equals(newKey.columns())
                    && !oldKey.name().equals(newKey.name()) && before.findConstraint(newKey.name()).isEmpty()) {
                ctx.emit(before.app(), new RenameConstraint(before.model(), oldKey.name(), newKey.name()));
            }
            Set<String> taken = new HashSet<>();
            for (Constraint old : before.constraints()) {
                if (after.findConstraint(old.name()).isPresent()) {
                    continue;
                }
                after.constraints().stream()
                        .filter(n -> before.findConstraint(n.name()).isEmpty() && !taken.contains(n.name())
                                && (oldKey == null || !oldKey.name().equals(n.name()))
                                && Constraints.sameIgnoringValidation(n.withName(old.name()), old))
                        .findFirst()
                        .ifPresent(n -> {
                            taken.add(n.name());
                            ctx.emit(before.app(), new RenameConstraint(before.model(), old.name(), n.name()));
                        });
            }
        }
    }
}
