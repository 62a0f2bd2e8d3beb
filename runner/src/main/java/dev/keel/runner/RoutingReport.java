package dev.keel.runner;

import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.routing.Router;
import dev.keel.runner.internal.Routing;
import dev.keel.runner.internal.Scripts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations of each migration do not run in one database because they are routed to another
 * (for {@code showmigrations} and {@code sqlmigrate}). Pure: no connection.
 */
public final class RoutingReport {
    private RoutingReport() {}

    /**
     * For every migration, in the order they apply, the operations not applicable to {@code database}
     * ({@code Create model audit (database control)}); empty lists for migrations that run whole.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when an operation cannot be routed
     */
    public static Map<MigrationKey, List<String>> notApplicable(MigrationSet set, Router router, String database) {
        MigrationGraph graph = set.graph(Set.of());
        var result = new LinkedHashMap<MigrationKey, List<String>>();
        ProjectState state = ProjectState.EMPTY;
        var routing = new Routing(router, database);
        for (MigrationSpec m : graph.forwardsPlan(Set.of(), List.of())) {
            result.put(m.key(), Scripts.forwards(m, state, routing).skipped());
            state = MigrationGraph.replay(state, List.of(m));
        }
        return result;
    }

    /** What {@code showmigrations} says of a migration whose {@code skipped} operations run elsewhere, or null. */
    public static String note(MigrationSpec spec, List<String> skipped, String database) {
        if (skipped == null || skipped.isEmpty()) {
            return null;
        }
        if (skipped.size() >= spec.operations().size()) {
            return "not applicable to database " + database + ": its operations run in "
                    + databases(skipped) + "; recorded as applied with them";
        }
        return skipped.size() + " of " + spec.operations().size() + " operations not applicable here: they run in "
                + databases(skipped);
    }

    private static String databases(List<String> skipped) {
        return String.join(", ", skipped.stream().map(s -> s.substring(s.lastIndexOf(" (database ") + 11, s.length() - 1))
                .distinct().sorted().toList());
    }
}
