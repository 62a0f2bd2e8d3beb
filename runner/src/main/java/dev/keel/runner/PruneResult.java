package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.util.List;
import java.util.Objects;

/**
 * What {@code migrate --prune} removes from {@code keel_migrations}, and the records it leaves because
 * removing them could lose track of what the database holds.
 */
public record PruneResult(List<Pruned> pruned, List<Refused> refused) {
    public PruneResult {
        pruned = List.copyOf(pruned);
        refused = List.copyOf(refused);
    }

    /** A record of a migration whose file is gone, which the applied squash {@code squash} replaces. */
    public record Pruned(MigrationKey key, MigrationKey squash) {
        public Pruned {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(squash, "squash");
        }
    }

    /** A record of a missing migration that is kept, {@code reason} saying why and what to do. */
    public record Refused(MigrationKey key, String reason) {
        public Refused {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
