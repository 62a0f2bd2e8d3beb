package dev.keel.graph;

import dev.keel.migration.MigrationSpec;

import java.util.List;
import java.util.Objects;

/**
 * The migrations to run, in the order to run them, and in which direction: applied forwards, or
 * unapplied (backwards, each migration's operations reversed).
 */
public record MigrationPlan(Direction direction, List<MigrationSpec> migrations) {
    /** Which way a plan runs its migrations. */
    public enum Direction { FORWARDS, BACKWARDS }

    public MigrationPlan {
        Objects.requireNonNull(direction, "direction");
        migrations = List.copyOf(migrations);
    }

    /** Whether this plan unapplies migrations. */
    public boolean backwards() {
        return direction == Direction.BACKWARDS;
    }

    /** Whether there is nothing to run. */
    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
