package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.util.List;

/** What {@code migrate} did: the plan, and each migration run (or faked) with how long it took. */
public record MigrateResult(Plan plan, List<Done> done) {
    public MigrateResult {
        done = List.copyOf(done);
    }

    /** One migration applied, unapplied or faked. */
    public record Done(MigrationKey key, MigrateListener.Action action, long durationMs) {}
}
