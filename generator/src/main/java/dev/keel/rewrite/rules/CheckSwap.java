package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.Identifiers;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;

import java.util.List;
import java.util.Optional;

/**
 * A check replaced by another of the same name (an enum constant added to Hibernate's check): dropping
 * and re-adding it scans the table under lock. Instead: add the new check under a temporary name
 * {@code NOT VALID}, validate it, drop the old one, and give the new one the old name. A failed
 * validation leaves the old check in place.
 *
 * <p>On a table named large in keel.json the validation runs after deployment: the old check is dropped
 * and the new one renamed at deploy time (new rows are checked from then on), and the renamed check is
 * validated later.
 */
public final class CheckSwap implements SafetyRule {
    @Override public String name() { return "check-swap"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof RemoveConstraint remove) || !ctx.existingTable(remove.model())) {
            return Optional.empty();
        }
        var old = ctx.table(remove.model()).findConstraint(remove.name());
        if (old.isEmpty() || !(old.get() instanceof CheckConstraint)) {
            return Optional.empty();
        }
        for (Operation later : ctx.remaining()) {
            if (later instanceof AddConstraint add && add.model().equals(remove.model())
                    && add.constraint() instanceof CheckConstraint replacement && replacement.name().equals(remove.name())) {
                ctx.consume(later);
                String temporary = Identifiers.make(remove.name(), "new");
                var addNew = Step.deploy(new AddConstraint(remove.model(), replacement.withName(temporary).notValid()));
                var rename = new RenameConstraint(remove.model(), temporary, remove.name());
                if (ctx.largeTable(remove.model())) {
                    return Optional.of(List.of(addNew, Step.deploy(remove), Step.deploy(rename),
                            Step.post(new ValidateConstraint(remove.model(), remove.name()))));
                }
                return Optional.of(List.of(addNew, Step.deploy(new ValidateConstraint(remove.model(), temporary)),
                        Step.deploy(remove).last(), Step.deploy(rename).last()));
            }
        }
        return Optional.empty();
    }
}
