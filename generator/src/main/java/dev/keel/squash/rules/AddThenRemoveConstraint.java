package dev.keel.squash.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * A constraint added and then dropped leaves nothing (the NOT VALID check that keel's safe
 * {@code SET NOT NULL} adds and drops, for one).
 */
public final class AddThenRemoveConstraint implements FoldRule {
    @Override public String name() { return "add+remove constraint"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AddConstraint a && second instanceof RemoveConstraint r
                && a.model().equals(r.model()) && a.constraint().name().equals(r.name())) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }
}
