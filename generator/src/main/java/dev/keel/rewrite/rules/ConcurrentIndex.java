package dev.keel.rewrite.rules;

import dev.keel.operations.AddIndex;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE INDEX} blocks writes for the whole build. On an existing table keel builds it
 * {@code CONCURRENTLY IF NOT EXISTS} in a non-atomic migration (and drops an invalid leftover before a
 * retry); on a table named large in keel.json the build runs after deployment. Index drops are
 * concurrent too.
 */
public final class ConcurrentIndex implements SafetyRule {
    @Override public String name() { return "concurrent-index"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof AddIndex add && !add.isConcurrent() && ctx.existingTable(add.model())) {
            boolean large = ctx.options().largeTables().contains(ctx.table(add.model()).name());
            AddIndex concurrent = add.concurrently();
            return Optional.of(List.of(large ? Step.post(concurrent) : Step.deploy(concurrent)));
        }
        if (op instanceof RemoveIndex remove && !remove.isConcurrent() && ctx.existingTable(remove.model())) {
            return Optional.of(List.of(Step.deploy(remove.concurrently())));
        }
        return Optional.empty();
    }
}
