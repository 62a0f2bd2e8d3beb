package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;

import java.util.List;
import java.util.Objects;

/** Everything the executor does to apply ({@code backwards} false) or unapply one migration, in order. */
public record Script(MigrationSpec migration, boolean backwards, List<ScriptStep> steps) {
    public Script {
        Objects.requireNonNull(migration, "migration");
        steps = List.copyOf(steps);
    }

    /** Whether it runs in one transaction. */
    public boolean atomic() {
        return migration.atomic();
    }
}
