package dev.keel.cache;

import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.timing.Phases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The schema after every migration ({@link MigrationGraph#latestState()}), kept in the cache (a compact
 * document: {@link ProjectCache#writeCompact}) with the migrations it was replayed from, in replay order, each
 * as its key and origin (its file's content hash; the cache's salt holds each app's folder and package): unchanged
 * files, no replay. When the migrations replayed for it are the first ones of
 * today's replay order, unchanged, only the migrations after them are replayed, onto the stored state
 * (adding a migration replays that one migration). Any other difference (a migration edited, removed,
 * or placed before one already replayed) replays everything.
 */
public final class ReplayCache {
    /** The cache document. */
    static final String NAME = "state";

    private ReplayCache() {}

    /** The latest state and how many migrations were replayed to get it (0: all from the cache). */
    public record Replay(ProjectState state, int replayed) {}

    /** The latest state of {@code graph}, built from {@code sources}: from the cache, or replayed and stored. */
    public static ProjectState latestState(MigrationGraph graph, ProjectMigrations.Sources sources, ProjectCache cache) {
        return replay(graph, sources, cache).state();
    }

    /** {@link #latestState}, saying how many migrations it replayed. */
    public static Replay replay(MigrationGraph graph, ProjectMigrations.Sources sources, ProjectCache cache) {
        return replay(graph, sources, cache, Runnable::run);
    }

    /**
     * {@link #replay}, handing the storing of a state it replayed to {@code later} (to run while the caller waits for
     * other work; a state not stored only makes the next run slower).
     */
    public static Replay replay(MigrationGraph graph, ProjectMigrations.Sources sources, ProjectCache cache,
                                Consumer<Runnable> later) {
        long start = System.nanoTime();
        Replay replay = replayed(graph, sources, cache, later);
        Phases.report("replay migrations", start, replay.replayed() + " of " + graph.migrations().size() + " replayed");
        return replay;
    }

    private static Replay replayed(MigrationGraph graph, ProjectMigrations.Sources sources, ProjectCache cache,
                                   Consumer<Runnable> later) {
        List<MigrationSpec> order = graph.migrations();
        var steps = new ArrayList<String>(order.size());
        for (MigrationSpec spec : order) {
            String origin = sources.origins().get(spec.key());
            if (origin == null) {
                // a migration of unknown origin cannot be told from another one: replay it all, keep nothing
                return new Replay(graph.latestState(), order.size());
            }
            steps.add(spec.key().app() + '\0' + spec.key().name() + '\0' + origin);
        }
        if (!cache.enabled()) {
            return new Replay(graph.latestState(), order.size());
        }
        Stored stored = cache.readCompact(NAME, cache.salt(), Stored::read)
                .filter(s -> s.state() != null && s.steps() != null && s.steps().size() <= steps.size()
                        && s.steps().equals(steps.subList(0, s.steps().size())))
                .orElse(null);
        if (stored != null && stored.steps().size() == steps.size()) {
            return new Replay(stored.state(), 0);
        }
        int from = stored == null ? 0 : stored.steps().size();
        ProjectState start = stored == null ? ProjectState.EMPTY : stored.state();
        ProjectState state = MigrationGraph.replay(start, order.subList(from, order.size()));
        var replayed = new Stored(state, steps);
        later.accept(() -> {
            long storing = System.nanoTime();
            cache.writeCompact(NAME, cache.salt(), replayed::write);
            Phases.report("store replayed state", storing, state.tables().size() + " tables");
        });
        return new Replay(state, order.size() - from);
    }

    /**
     * The stored document: the state, and the migrations replayed for it, in replay order, each as its app, name and
     * origin.
     */
    record Stored(ProjectState state, List<String> steps) {
        void write(Compact.Writer w) {
            w.strings(steps);
            StateCodec.write(w, state);
        }

        static Stored read(Compact.Reader r) {
            List<String> steps = r.strings();
            return new Stored(StateCodec.read(r), steps);
        }
    }
}
