package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the applied-migrations table. A non-atomic migration is recorded as it goes:
 * {@link Phase#APPLYING} or {@link Phase#UNAPPLYING} with the number of its steps done, so that a
 * run that failed part-way is finished by the next one.
 */
public record HistoryRow(MigrationKey key, String checksum, Instant appliedAt, long durationMs, Phase phase, int stepsDone) {
    /** Where a migration is in its history. */
    public enum Phase {
        /** Applied completely. */
        APPLIED,
        /** A non-atomic migration being applied, {@code stepsDone} steps in. */
        APPLYING,
        /** A non-atomic migration being unapplied, {@code stepsDone} steps in. */
        UNAPPLYING
    }

    public HistoryRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(phase, "phase");
    }

    /** Whether the migration counts as applied: complete, or only part-way unapplied. */
    public boolean countsAsApplied() {
        return phase != Phase.APPLYING;
    }

    /** Whether a run stopped part-way through this migration. */
    public boolean partial() {
        return phase != Phase.APPLIED;
    }
}
