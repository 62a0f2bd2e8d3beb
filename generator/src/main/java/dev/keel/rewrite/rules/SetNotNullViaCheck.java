package dev.keel.rewrite.rules;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.Identifiers;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SET NOT NULL} scans the whole table under an exclusive lock. Instead: add
 * {@code CHECK (col IS NOT NULL) NOT VALID}, validate it (writes go on), then {@code SET NOT NULL},
 * which PostgreSQL proves from the valid check without a scan, and drop the check. Other changes to the
 * column go first, in their own {@code AlterField}.
 */
public final class SetNotNullViaCheck implements SafetyRule {
    @Override public String name() { return "set-not-null-via-check"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof AlterField alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        Table table = ctx.table(alter.model());
        Column old = table.findField(alter.field()).orElseThrow();
        if (!old.isNullable() || alter.column().isNullable()) {
            return Optional.empty();
        }
        var steps = new ArrayList<Step>();
        Column stillNullable = alter.column().nullable();
        Column nullableOld = old.nullable();
        if (!stillNullable.field(null).sameInDatabase(nullableOld.field(null))) {
            steps.add(Step.deploy(new AlterField(alter.model(), alter.field(), stillNullable)));
        }
        String column = alter.column().name();
        String check = Identifiers.make(table.name() + "_" + column, "not_null");
        steps.add(Step.deploy(new AddConstraint(alter.model(), new CheckConstraint(check, column + " IS NOT NULL", false))));
        steps.add(Step.deploy(new ValidateConstraint(alter.model(), check)));
        steps.add(Step.deploy(new AlterField(alter.model(), alter.field(), alter.column())));
        steps.add(Step.deploy(new RemoveConstraint(alter.model(), check)));
        return Optional.of(steps);
    }
}
