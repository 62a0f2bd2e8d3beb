package dev.keel.squash.rules;

import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameModel;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A model created and then renamed is created under its new name (its entity follows, its table stays). */
public final class CreateThenRenameModel implements FoldRule {
    @Override public String name() { return "create+rename model"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof CreateModel c && second instanceof RenameModel r
                && c.model().equals(Absorb.model(r.oldModel()))) {
            return Absorb.into(c, r);
        }
        return Optional.empty();
    }
}
