package dev.keel.migration;

import dev.keel.operations.Operation;

import java.util.List;
import java.util.Objects;

/**
 * What one migration declares, however it was read (from source or from its compiled class):
 * dependencies, operations, whether it runs in one transaction ({@code atomic}), whether it runs in
 * the post-deployment phase, whether it is an app's initial migration, and which migrations it
 * replaces (a squash). {@code origin} says where it came from (a file or a class) for messages; it
 * takes no part in {@link #sameDefinition}. The operations are an immutable list (for a migration the
 * cache gives, one decoded on first use: {@link DeferredOperations}).
 */
public record MigrationSpec(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations,
                            boolean atomic, boolean postDeployment, boolean initial, List<MigrationKey> replaces,
                            String origin) {
    public MigrationSpec {
        Objects.requireNonNull(key, "key");
        dependencies = List.copyOf(dependencies);
        operations = operations instanceof DeferredOperations ? operations : List.copyOf(operations);
        replaces = List.copyOf(replaces);
    }

    /** Whether two specs declare the same migration, wherever each was read from. */
    public boolean sameDefinition(MigrationSpec other) {
        return key.equals(other.key) && dependencies.equals(other.dependencies) && operations.equals(other.operations)
                && atomic == other.atomic && postDeployment == other.postDeployment && initial == other.initial
                && replaces.equals(other.replaces);
    }

    public String app() {
        return key.app();
    }

    public String name() {
        return key.name();
    }
}
