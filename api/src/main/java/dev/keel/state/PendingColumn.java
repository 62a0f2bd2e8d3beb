package dev.keel.state;

import java.util.Objects;

/** A column that left the model but stays in {@code table} until it is deleted. */
public record PendingColumn(String app, String model, String table, Column column) implements PendingDeletion {
    public PendingColumn {
        Names.require(app, "app label");
        model = Names.modelKey(model);
        Names.require(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
