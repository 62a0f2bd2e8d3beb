package dev.keel.state;

import java.util.List;
import java.util.Objects;

/**
 * A column that left the model but stays in {@code table} until it is deleted, with the indexes and constraints
 * that still use it there ({@code indexes}, {@code constraints}): a column moved to pending keeps them in the
 * database (moving it runs no SQL), and its deletion drops them with it, as PostgreSQL's {@code DROP COLUMN} does.
 * A column renamed online keeps them on purpose: the trigger keeps the old column equal to the new one, so its
 * unique constraints, foreign keys and checks hold for the writes of the old and the new code until the contract.
 */
public record PendingColumn(String app, String model, String table, Column column, List<Index> indexes,
                            List<Constraint> constraints) implements PendingDeletion {
    public PendingColumn {
        Names.require(app, "app label");
        model = Names.modelKey(model);
        Names.require(table, "table");
        Objects.requireNonNull(column, "column");
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A pending column without indexes or constraints. */
    public PendingColumn(String app, String model, String table, Column column) {
        this(app, model, table, column, List.of(), List.of());
    }

    /**
     * The name operations give this column: its field, or its column name when no field owned it (another
     * entity's one-to-many join column, a join table's column), as they name it before it was pending.
     */
    public String fieldKey() {
        return column.field() != null ? column.field() : column.name();
    }

    /** This pending column in the table {@code newTable} (the table was renamed or moved). */
    public PendingColumn inTable(String newTable) {
        return new PendingColumn(app, model, newTable, column, indexes, constraints);
    }

    /** This pending column with its foreign keys that pointed at {@code oldTarget} pointing at {@code newTarget}. */
    public PendingColumn retargetForeignKeys(String oldTarget, String newTarget) {
        return new PendingColumn(app, model, table, column, indexes, constraints.stream()
                .map(c -> c instanceof ForeignKey fk && fk.targetTable().equals(oldTarget) ? fk.retarget(newTarget) : c).toList());
    }

    /** This pending column without the indexes and constraints that use {@code other}, as dropping {@code other} leaves it. */
    public PendingColumn withoutUsesOf(String other) {
        return new PendingColumn(app, model, table, column, indexes.stream().filter(i -> !i.uses(other)).toList(),
                constraints.stream().filter(c -> !c.uses(other)).toList());
    }

    /** Whether an index or constraint kept with this column has the name {@code name}. */
    public boolean holdsName(String name) {
        return indexes.stream().anyMatch(i -> i.name().equals(name)) || constraints.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Whether an index or constraint kept with this column uses the column {@code other} too. */
    public boolean keepsUsing(String other) {
        return indexes.stream().anyMatch(i -> i.uses(other)) || constraints.stream().anyMatch(c -> c.uses(other));
    }
}
