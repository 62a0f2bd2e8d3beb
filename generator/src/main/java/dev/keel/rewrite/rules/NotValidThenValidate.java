package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.Operation;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;

import java.util.List;
import java.util.Optional;

/**
 * {@code ADD CONSTRAINT} of a foreign key or check scans every row while holding a lock that blocks
 * writes (and, for a foreign key, the referenced table too). Instead: add it {@code NOT VALID} (new rows
 * are checked at once), then {@code VALIDATE CONSTRAINT} in a later transaction, which lets writes
 * through; on a table named large in keel.json, after deployment. A plain {@code ValidateConstraint}
 * on a large table moves there too.
 */
public final class NotValidThenValidate implements SafetyRule {
    @Override public String name() { return "not-valid-then-validate"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof ValidateConstraint validate && ctx.existingTable(validate.model())) {
            return Optional.of(List.of(Step.in(ctx.largeTable(validate.model()), validate)));
        }
        if (!(op instanceof AddConstraint add) || !ctx.existingTable(add.model())) {
            return Optional.empty();
        }
        Constraint notValid;
        if (add.constraint() instanceof ForeignKey fk && fk.enforced() && fk.validated()) {
            notValid = fk.notValid();
        } else if (add.constraint() instanceof CheckConstraint check && check.validated()) {
            notValid = check.notValid();
        } else {
            return Optional.empty();
        }
        return Optional.of(List.of(Step.deploy(new AddConstraint(add.model(), notValid)),
                Step.in(ctx.largeTable(add.model()), new ValidateConstraint(add.model(), notValid.name()))));
    }
}
