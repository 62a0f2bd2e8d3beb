package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.util.List;
import java.util.Objects;

/**
 * What {@code migrate} will do: the migrations to apply (or, {@code backwards}, to unapply) in order,
 * and the post-deployment migrations it leaves for {@code migrate --post-deploy}.
 */
public record Plan(boolean backwards, boolean fake, List<Planned> migrations, List<Deferred> deferred) {
    public Plan {
        migrations = List.copyOf(migrations);
        deferred = List.copyOf(deferred);
    }

    /**
     * One migration to run: whether it is atomic and post-deployment, what its operations do, where a
     * previous run stopped, and the operations routed to another database, which do not run here
     * ({@code Create model audit (database control)}); the migration is recorded all the same.
     */
    public record Planned(MigrationKey key, boolean atomic, boolean postDeployment, List<String> operations, int resumeFrom,
                          List<String> notApplicable) {
        public Planned {
            Objects.requireNonNull(key, "key");
            operations = List.copyOf(operations);
            notApplicable = List.copyOf(notApplicable);
        }

        /** A migration all of whose operations run here. */
        public Planned(MigrationKey key, boolean atomic, boolean postDeployment, List<String> operations, int resumeFrom) {
            this(key, atomic, postDeployment, operations, resumeFrom, List.of());
        }
    }

    /** A migration left for the post-deployment phase, and why ({@code post-deployment}, or which one it depends on). */
    public record Deferred(MigrationKey key, String reason) {}

    /** Whether there is nothing to run. */
    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
