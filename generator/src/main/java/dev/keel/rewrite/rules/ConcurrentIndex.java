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
 * {@code CONCURRENTLY IF NOT EXISTS} in a non-atomic migration (the runner drops an invalid leftover of a
 * failed build before a retry); on a table named large in keel.json the build runs after deployment.
 * Index drops are concurrent too ({@code DROP INDEX CONCURRENTLY IF EXISTS}).
 */
public final class ConcurrentIndex implements SafetyRule {
    @Override public String name() { return "concurrent-index"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof AddIndex add && ctx.existingTable(add.model())) {
            return Optional.of(List.of(Step.in(ctx.largeTable(add.model()), add.concurrently())));
        }
        if (op instanceof RemoveIndex remove && !remove.isConcurrent() && ctx.existingTable(remove.model())) {
            return Optional.of(List.of(Step.deploy(remove.concurrently())));
        }
        return Optional.empty();
    }
}
