package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.CreateSequence;
import dev.keel.state.Sequence;

/** Sequences the entities use that no migration creates. */
public final class CreatedSequences implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Sequence s : ctx.target().sequences()) {
            if (ctx.current().sequence(s.name()).isEmpty()) {
                ctx.emit(Owners.appOfSequence(ctx, s.name()), new CreateSequence(s));
            }
        }
    }
}
