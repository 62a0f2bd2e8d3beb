package dev.keel.make;

import dev.keel.diff.DiffHints;
import dev.keel.project.ProjectState;

/** What the entities say: the schema they map to, and the hints beyond it (renames, initializers). */
public record ScannedProject(ProjectState state, DiffHints hints) {
}
