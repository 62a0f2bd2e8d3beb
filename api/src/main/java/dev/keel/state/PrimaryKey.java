package dev.keel.state;

import java.util.List;

/** A table's primary key. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        Names.require(name, "primary key name");
        columns = Names.requireColumns(columns, "primary key " + name);
    }
}
