package dev.keel.runner.internal;

import dev.keel.routing.Router;
import dev.keel.state.ProjectState;
import dev.keel.operations.Operation;

import java.util.Objects;

/**
 * The database a run works on, and the router that says which operations belong there. Operations
 * routed elsewhere are not applicable here: they are skipped, and the migration is still recorded.
 */
public record Routing(Router router, String database) {
    public Routing {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(database, "database");
    }

    /** Every operation runs: a project with one database. */
    public static Routing everything() {
        return new Routing(Router.single(), dev.keel.state.Table.DEFAULT_DATABASE);
    }

    /** The database {@code op} runs in (see {@link Router#databaseOf}). */
    public String databaseOf(String app, ProjectState before, Operation op) {
        return router.databaseOf(app, before, op);
    }

    /** Whether {@code op} runs in this run's database. */
    public boolean runsHere(String app, ProjectState before, Operation op) {
        return database.equals(databaseOf(app, before, op));
    }
}
