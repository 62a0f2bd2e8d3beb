package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.DeleteSequence;
import dev.keel.state.Sequence;

import java.util.List;

/** Sequences no entity uses any more; runs after the tables that used them are gone. */
public final class DeletedSequences implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Sequence s : List.copyOf(ctx.current().sequences())) {
            if (ctx.target().sequence(s.name()).isEmpty()) {
                ctx.emit(Owners.appOfSequence(ctx, s.name()), new DeleteSequence(s.name()));
            }
        }
    }
}
