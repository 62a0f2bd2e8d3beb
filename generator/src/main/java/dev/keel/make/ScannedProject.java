package dev.keel.make;

import dev.keel.diff.DiffHints;
import dev.keel.project.ProjectState;

import java.util.Optional;

/**
 * What the entities say: the schema they map to, and the hints beyond it (renames, initializers); with
 * {@code fingerprint}, the {@link EntitySource#fingerprint} of the sources as this scan read them, when the source
 * can tell (else empty).
 */
public record ScannedProject(ProjectState state, DiffHints hints, Optional<String> fingerprint) {
    public ScannedProject {
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** A scan that does not say what it read. */
    public ScannedProject(ProjectState state, DiffHints hints) {
        this(state, hints, Optional.empty());
    }
}
