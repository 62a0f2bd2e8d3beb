package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RemoveConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.Table;

/**
 * Constraints of kept models that the entities no longer have, or have with another definition; they
 * go before the columns they use are removed or altered. A constraint that only awaits validation is
 * kept ({@link AddedConstraints} validates it).
 */
public final class RemovedConstraints implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            for (Constraint c : pair[0].constraints()) {
                var wanted = pair[1].findConstraint(c.name());
                if (wanted.isEmpty() || !Constraints.sameIgnoringValidation(c, wanted.get())) {
                    ctx.emit(pair[0].app(), new RemoveConstraint(pair[0].model(), c.name()));
                }
            }
        }
    }
}
