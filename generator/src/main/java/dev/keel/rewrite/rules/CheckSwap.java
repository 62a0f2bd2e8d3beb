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
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;

import java.util.List;
import java.util.Optional;

/**
 * A check or foreign key replaced by another of the same name (an enum constant added to Hibernate's
 * check, a new {@code @OnDelete} action): dropping and re-adding it scans the table under lock, and leaves
 * the rows unchecked in between. Instead: add the new one under a temporary name {@code NOT VALID},
 * validate it, drop the old one, and give the new one the old name. A failed validation leaves the old
 * one in place.
 *
 * <p>On a table named large in keel.json the validation runs after deployment: the old constraint is
 * dropped and the new one renamed at deploy time (new rows are checked from then on), and the renamed
 * one is validated later.
 */
public final class CheckSwap implements SafetyRule {
    @Override public String name() { return "check-swap"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof RemoveConstraint remove) || !ctx.existingTable(remove.model())) {
            return Optional.empty();
        }
        var old = ctx.table(remove.model()).findConstraint(remove.name());
        if (old.isEmpty() || !swappable(old.get())) {
            return Optional.empty();
        }
        for (Operation later : ctx.remaining()) {
            if (later instanceof AddConstraint add && add.model().equals(remove.model())
                    && add.constraint().name().equals(remove.name()) && replaceable(old.get(), add.constraint())) {
                Constraint replacement = add.constraint();
                Retyped retyped = retypedLater(ctx, remove.model(), old.get(), replacement);
                if (retyped == Retyped.IN_PLACE) {
                    // the column's type changes later in this migration, in place: the old check goes before the ALTER TYPE
                    // (its expression may not fit the new type), the new one after it (it may not fit the old type)
                    return Optional.empty();
                }
                ctx.consume(later);
                if (retyped == Retyped.EXPAND_CONTRACT) {
                    // the column's type changes later in this migration, as expand and contract: the new check suits the new
                    // type only (an enum stored by name instead of ordinal), so it goes to the twin column, and the old one
                    // stays on the old column until the switch drops it; here only keel's state takes the new check
                    return Optional.of(List.of(Step.deploy(new dev.keel.operations.SeparateDatabaseAndState(List.of(),
                            List.of(remove, later)))));
                }
                String temporary = Identifiers.make(remove.name(), "new");
                var addNew = Step.deploy(new AddConstraint(remove.model(), notValid(replacement.withName(temporary))));
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

    /** How a later operation of the migration changes the type of a column a check uses. */
    private enum Retyped { NO, IN_PLACE, EXPAND_CONTRACT }

    private static Retyped retypedLater(RewriteContext ctx, String model, Constraint old, Constraint replacement) {
        if (!(old instanceof CheckConstraint a) || !(replacement instanceof CheckConstraint b)) {
            return Retyped.NO;
        }
        for (Operation later : ctx.remaining()) {
            if (later instanceof dev.keel.operations.AlterField alter && alter.model().equals(model)) {
                var column = ctx.table(model).findFieldOrColumn(alter.field());
                // a change PostgreSQL makes in place (a longer varchar) keeps a check's expression valid on both types
                if (column.isPresent() && !InPlaceTypeChange.of(column.get().type(), alter.column().type())
                        && (a.uses(column.get().name()) || b.uses(column.get().name()))) {
                    return TypeChangeGuard.expandsAndContracts(ctx, alter) ? Retyped.EXPAND_CONTRACT : Retyped.IN_PLACE;
                }
            }
        }
        return Retyped.NO;
    }

    /**
     * A check by a check; a foreign key by one on the same columns and target (its action changed): a key
     * whose columns change is dropped first, so that the columns can change without it.
     */
    private static boolean replaceable(Constraint old, Constraint replacement) {
        if (old instanceof ForeignKey a && replacement instanceof ForeignKey b) {
            return b.enforced() && a.columns().equals(b.columns()) && a.targetTable().equals(b.targetTable())
                    && a.targetColumns().equals(b.targetColumns());
        }
        return old instanceof CheckConstraint && replacement instanceof CheckConstraint;
    }

    /** Checks, and foreign keys with a database constraint: both can be added NOT VALID and validated later. */
    private static boolean swappable(Constraint c) {
        return c instanceof CheckConstraint || (c instanceof ForeignKey fk && fk.enforced());
    }

    private static Constraint notValid(Constraint c) {
        return c instanceof ForeignKey fk ? fk.notValid() : ((CheckConstraint) c).notValid();
    }
}
