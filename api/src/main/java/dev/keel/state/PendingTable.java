package dev.keel.state;

import java.util.Objects;

/** A table that left the model but stays in the database until it is deleted. */
public record PendingTable(String app, String model, Table definition) implements PendingDeletion {
    public PendingTable {
        Names.require(app, "app label");
        model = Names.modelKey(model);
        definition = Objects.requireNonNull(definition, "definition").placed(null, null);
    }

    @Override
    public String table() {
        return definition.qualifiedName();
    }
}
