package dev.keel.rewrite.rules;

import dev.keel.operations.DropEnumType;
import dev.keel.operations.Operation;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * An enum type whose last columns leave in the two-phase removal is still their type while they wait in pending (the
 * code still running reads them): {@code DROP TYPE} waits with them, and is written in the delete phase
 * ({@code makemigrations --delete-pending}) after them.
 */
public final class TwoPhaseEnumTypeRemoval implements SafetyRule {
    @Override public String name() { return "two-phase-enum-type-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof DropEnumType drop) || ctx.current().enumType(drop.name()).isEmpty()) {
            return Optional.empty();
        }
        List<String> users = ctx.current().columnsOfEnumType(drop.name());
        if (users.isEmpty()) {
            return Optional.empty();
        }
        ctx.note("enum type " + drop.name() + ": no entity uses it any more, but the pending column(s) " + String.join(", ", users)
                + " are still of it; keel makemigrations --delete-pending drops it after them, once these migrations are deployed.");
        return Optional.of(List.of());
    }
}
