package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.Operation;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;
import dev.keel.state.ForeignKey;

import java.util.List;
import java.util.Optional;

/**
 * {@code ADD CONSTRAINT} of a foreign key or check scans every row while holding a lock that blocks
 * writes (and, for a foreign key, the referenced table too). Instead: add it {@code NOT VALID} (new rows
 * are checked at once), then {@code VALIDATE CONSTRAINT} in its own transaction, which lets writes through.
 */
public final class NotValidThenValidate implements SafetyRule {
    @Override public String name() { return "not-valid-then-validate"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AddConstraint add) || !ctx.existingTable(add.model())) {
            return Optional.empty();
        }
        if (add.constraint() instanceof ForeignKey fk && fk.enforced() && fk.validated()) {
            return Optional.of(List.of(Step.deploy(new AddConstraint(add.model(), fk.notValid())),
                    Step.deploy(new ValidateConstraint(add.model(), fk.name()))));
        }
        if (add.constraint() instanceof CheckConstraint check && check.validated()) {
            return Optional.of(List.of(Step.deploy(new AddConstraint(add.model(), check.notValid())),
                    Step.deploy(new ValidateConstraint(add.model(), check.name()))));
        }
        return Optional.empty();
    }
}
