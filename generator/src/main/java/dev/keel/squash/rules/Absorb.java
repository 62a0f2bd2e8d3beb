package dev.keel.squash.rules;

import dev.keel.error.KeelException;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.List;
import java.util.Optional;

/**
 * A change of a model folded into the {@code CreateModel} of that model: the change is applied to a
 * state holding only the new table, and the table it leaves is the one to create. Empty when the
 * change does not apply there (it is about another model, or needs other tables), so the pair stays as
 * it is.
 */
final class Absorb {
    private static final String APP = "squash";

    private Absorb() {}

    static Optional<List<Operation>> into(CreateModel create, Operation change) {
        try {
            Table table = create.table();
            Table changed;
            if (change instanceof AddConstraint add && add.constraint() instanceof ForeignKey fk
                    && !fk.targetTable().equals(table.qualifiedName())) {
                // the target is another table, absent from this one-table state; the columns are checked here
                if (!fk.columns().stream().allMatch(c -> table.findColumn(c).isPresent())
                        || table.findConstraint(fk.name()).isPresent()) {
                    return Optional.empty();
                }
                changed = table.constraint(fk);
            } else {
                ProjectState alone = ProjectState.EMPTY.addTable(APP, create.model(), table);
                ProjectState after = StateTransitions.apply(change, APP, alone);
                if (after.tables().size() != 1 || !after.pending().isEmpty()) {
                    return Optional.empty();
                }
                changed = after.tables().iterator().next();
            }
            // the model keeps its key, unless the change renamed it
            String model = changed.model() != null ? changed.model() : create.model();
            return Optional.of(List.of(new CreateModel(model, changed)));
        } catch (KeelException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code op} is one of {@code kinds}. */
    @SafeVarargs
    static boolean isOneOf(Operation op, Class<? extends Operation>... kinds) {
        for (Class<? extends Operation> k : kinds) {
            if (k.isInstance(op)) {
                return true;
            }
        }
        return false;
    }

    static String model(String model) {
        return model.toLowerCase(java.util.Locale.ROOT);
    }
}
