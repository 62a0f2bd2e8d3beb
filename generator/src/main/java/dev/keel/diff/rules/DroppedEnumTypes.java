package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.DropEnumType;
import dev.keel.state.EnumType;

import java.util.List;

/**
 * Enum types no entity uses any more; runs last, after the columns and tables of the type are gone. While columns of
 * the type wait in the two-phase removal, the drop waits for them ({@code TwoPhaseEnumTypeRemoval}).
 */
public final class DroppedEnumTypes implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (EnumType e : List.copyOf(ctx.current().enumTypes())) {
            if (ctx.target().enumType(e.name()).isEmpty() && ctx.current().columnsOfEnumType(e.name()).isEmpty()) {
                ctx.emit(Owners.appOfEnumType(ctx, e.name()), new DropEnumType(e.name()));
            }
        }
    }
}
