package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;

import java.util.List;
import java.util.Objects;

/**
 * Everything the executor does to apply ({@code backwards} false) or unapply one migration, in order;
 * {@code skipped} lists the operations routed to another database (each {@code description (database NAME)}).
 */
public record Script(MigrationSpec migration, boolean backwards, List<ScriptStep> steps, List<String> skipped) {
    public Script {
        Objects.requireNonNull(migration, "migration");
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
    }

    /** A script that skips nothing. */
    public Script(MigrationSpec migration, boolean backwards, List<ScriptStep> steps) {
        this(migration, backwards, steps, List.of());
    }

    /** Whether it runs in one transaction. */
    public boolean atomic() {
        return migration.atomic();
    }
}
