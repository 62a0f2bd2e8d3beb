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

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof UniqueConstraint other
                && isDeferrable == other.isDeferrable
                && isInitiallyDeferred == other.isInitiallyDeferred
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(columns);
        h = 31 * h + Boolean.hashCode(isDeferrable);
        h = 31 * h + Boolean.hashCode(isInitiallyDeferred);
        return h;
    }
}
