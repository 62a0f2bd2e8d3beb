package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AlterSequence;
import dev.keel.state.Sequence;

/** Sequences whose increment (allocation size) or start changed. */
public final class AlteredSequences implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Sequence s : ctx.target().sequences()) {
            ctx.current().sequence(s.name()).filter(old -> !old.equals(s))
                    .ifPresent(old -> ctx.emit(Owners.appOfSequence(ctx, s.name()), new AlterSequence(s)));
        }
    }
}
