package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.ValidateConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.Table;

/** Constraints the entities declare that kept models lack; a constraint still NOT VALID is validated. */
public final class AddedConstraints implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            for (Constraint c : pair[1].constraints()) {
                var existing = pair[0].findConstraint(c.name());
                if (existing.isEmpty()) {
                    ctx.emit(pair[0].app(), new AddConstraint(pair[0].model(), c));
                } else if (!existing.get().equals(c)) {
                    ctx.emit(pair[0].app(), new ValidateConstraint(pair[0].model(), c.name()));
                }
            }
        }
    }
}
