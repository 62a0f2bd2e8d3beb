package dev.keel.squash.rules;

import dev.keel.operations.AlterModelComment;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A table renamed, moved to another schema or commented after its creation is created so. */
public final class CreateThenChangeTable implements FoldRule {
    @Override public String name() { return "create+table change"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (!(first instanceof CreateModel c)) {
            return Optional.empty();
        }
        return Absorb.isOneOf(second, AlterModelTable.class, AlterModelComment.class) ? Absorb.into(c, second) : Optional.empty();
    }
}
