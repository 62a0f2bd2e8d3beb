package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.CreateEnumType;
import dev.keel.state.EnumType;

/** Enum types the entities use that no migration creates; they come before the tables and columns of the type. */
public final class CreatedEnumTypes implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (EnumType e : ctx.target().enumTypes()) {
            if (ctx.current().enumType(e.name()).isEmpty()) {
                ctx.emit(Owners.appOfEnumType(ctx, e.name()), new CreateEnumType(e));
            }
        }
    }
}
