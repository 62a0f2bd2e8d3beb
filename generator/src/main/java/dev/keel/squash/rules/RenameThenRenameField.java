package dev.keel.squash.rules;

import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.squash.FoldRule;

import java.util.List;
import java.util.Optional;

/** A field renamed a to b, then b to c, is renamed a to c (to the last column name given, if any). */
public final class RenameThenRenameField implements FoldRule {
    @Override public String name() { return "rename+rename field"; }

    @Override public Optional<List<Operation>> fold(Operation first, Operation second) {
        if (first instanceof RenameField a && second instanceof RenameField b
                && a.model().equals(b.model()) && a.newField().equals(b.oldField()) && !a.oldField().equals(b.newField())) {
            String column = b.newColumn() != null ? b.newColumn() : a.newColumn();
            return Optional.of(List.of(new RenameField(a.model(), a.oldField(), b.newField(), column)));
        }
        return Optional.empty();
    }
}
