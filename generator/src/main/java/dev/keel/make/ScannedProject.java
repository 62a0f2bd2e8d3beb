package dev.keel.make;

import dev.keel.diff.DiffHints;
import dev.keel.project.ProjectState;

import java.util.Optional;

/**
 * What the entities say: the schema they map to, and the hints beyond it (renames, initializers); with
 * {@code fingerprint}, the {@link EntitySource#fingerprint} of the sources as this scan read them, when the source
 * can tell (else empty); {@code store}, what is left to store of the scan in the project's cache, which the caller
 * runs once before it ends (nothing when the source stored it already, or keeps no cache).
 */
public record ScannedProject(ProjectState state, DiffHints hints, Optional<String> fingerprint, Runnable store) {
    public ScannedProject {
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        java.util.Objects.requireNonNull(store, "store");
    }

    /** A scan that does not say what it read, with nothing left to store. */
    public ScannedProject(ProjectState state, DiffHints hints) {
        this(state, hints, Optional.empty());
    }

    /** A scan with nothing left to store. */
    public ScannedProject(ProjectState state, DiffHints hints, Optional<String> fingerprint) {
        this(state, hints, fingerprint, () -> {});
    }
}
