package dev.keel.squash.rules;

import dev.keel.operations.AddField;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.squash.FoldRule;
import dev.keel.state.Column;

import java.util.List;
import java.util.Optional;

/** A field added and then renamed is added under its new name (and its new column name, if the rename gave one). */
public final class AddThenRenameField implements FoldRule {
    @Override public String name() { return "add+rename field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof AddField a && second instanceof RenameField r
                && a.model().equals(r.model()) && a.field().equals(r.oldField())) {
            Column c = r.newColumn() == null ? a.column() : a.column().name(r.newColumn());
            return Optional.of(List.of(new AddField(a.model(), r.newField(), c)));
        }
        return Optional.empty();
    }
}
