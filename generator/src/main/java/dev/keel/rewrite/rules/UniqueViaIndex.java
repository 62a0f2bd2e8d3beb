package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddIndex;
import dev.keel.operations.Operation;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.Index;
import dev.keel.state.UniqueConstraint;

import java.util.List;
import java.util.Optional;

/**
 * {@code ADD CONSTRAINT ... UNIQUE} builds its index under a lock that blocks writes. Instead: build the
 * unique index concurrently, then attach it ({@code ADD CONSTRAINT ... UNIQUE USING INDEX}, a brief lock),
 * keeping DEFERRABLE and INITIALLY DEFERRED when the constraint has them. On a table named large in
 * keel.json both run after deployment.
 */
public final class UniqueViaIndex implements SafetyRule {
    @Override public String name() { return "unique-via-index"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AddConstraint add) || !(add.constraint() instanceof UniqueConstraint unique)
                || !ctx.existingTable(add.model())) {
            return Optional.empty();
        }
        boolean large = ctx.largeTable(add.model());
        Index index = new Index(unique.name(), unique.columns(), true, null, null);
        return Optional.of(List.of(Step.in(large, new AddIndex(add.model(), index, true)),
                Step.in(large, new AddConstraintUsingIndex(add.model(), unique, unique.name())).last()));
    }
}
