package dev.keel.squash.rules;

import dev.keel.operations.AlterSequence;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.Operation;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/**
 * A sequence created and then altered is created as altered; created and then deleted, it leaves
 * nothing; altered twice, the last alteration (which states the whole sequence) stays.
 */
public final class SequenceFolds implements FoldRule {
    @Override public String name() { return "sequence create/alter/delete"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof CreateSequence c && second instanceof AlterSequence a
                && c.sequence().name().equals(a.sequence().name())) {
            return Optional.of(List.of(new CreateSequence(a.sequence())));
        }
        if (first instanceof CreateSequence c && second instanceof DeleteSequence d && c.sequence().name().equals(d.name())) {
            return Optional.of(List.of());
        }
        if (first instanceof AlterSequence a && second instanceof AlterSequence b
                && a.sequence().name().equals(b.sequence().name())) {
            return Optional.of(List.of(b));
        }
        return Optional.empty();
    }
}
