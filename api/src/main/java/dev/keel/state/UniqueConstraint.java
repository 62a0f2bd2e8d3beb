package dev.keel.state;

import java.util.List;

/** A unique constraint, optionally {@code DEFERRABLE} (and {@code INITIALLY DEFERRED}). */
public record UniqueConstraint(String name, List<String> columns, boolean isDeferrable, boolean isInitiallyDeferred)
        implements Constraint {
    public UniqueConstraint {
        Names.require(name, "unique constraint name");
        columns = Names.requireColumns(columns, "unique constraint " + name);
        if (isInitiallyDeferred && !isDeferrable) {
            throw new IllegalArgumentException("unique constraint " + name + " is initially deferred but not deferrable");
        }
    }

    public static UniqueConstraint of(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns), false, false);
    }

    /** This constraint as {@code DEFERRABLE INITIALLY IMMEDIATE}. */
    public UniqueConstraint deferrable() {
        return new UniqueConstraint(name, columns, true, false);
    }

    /** This constraint as {@code DEFERRABLE INITIALLY DEFERRED}. */
    public UniqueConstraint initiallyDeferred() {
        return new UniqueConstraint(name, columns, true, true);
    }

    @Override
    public UniqueConstraint withName(String newName) {
        return new UniqueConstraint(newName, columns, isDeferrable, isInitiallyDeferred);
    }
}
