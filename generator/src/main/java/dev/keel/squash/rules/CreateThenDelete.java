package dev.keel.squash.rules;

import dev.keel.operations.CreateModel;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.Operation;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A model created and then deleted leaves nothing. */
public final class CreateThenDelete implements FoldRule {
    @Override public String name() { return "create+delete model"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof CreateModel c && second instanceof DeleteModel d && c.model().equals(d.model())) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }
}
