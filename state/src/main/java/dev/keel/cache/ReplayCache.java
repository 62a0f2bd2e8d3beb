package dev.keel.cache;

import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.project.ProjectState;

/**
 * The schema after every migration ({@link MigrationGraph#latestState()}), kept in the cache under the
 * fingerprint of the migration files it was replayed from: unchanged files, no replay.
 */
public final class ReplayCache {
    /** The cache document. */
    static final String NAME = "state";

    private ReplayCache() {}

    /** The latest state of {@code graph}, built from {@code sources}: from the cache, or replayed and stored. */
    public static ProjectState latestState(MigrationGraph graph, ProjectMigrations.Sources sources, ProjectCache cache) {
        return cache.read(NAME, sources.fingerprint(), ProjectState.class).orElseGet(() -> {
            ProjectState state = graph.latestState();
            cache.write(NAME, sources.fingerprint(), state);
            return state;
        });
    }
}
