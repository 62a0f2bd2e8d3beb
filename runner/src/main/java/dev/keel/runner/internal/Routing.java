package dev.keel.runner.internal;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.routing.Router;
import dev.keel.state.Table;

import java.util.Objects;

/**
 * The database a run works on, and the router that says which operations belong there. Operations
 * routed elsewhere are not applicable here: they are skipped, and the migration is still recorded.
 * {@link #everything()} runs every operation without asking the router (a single database, or
 * {@code sqlmigrate} of the whole migration).
 */
public record Routing(Router router, String database) {
    private static final Routing EVERYTHING = new Routing(null, Table.DEFAULT_DATABASE);

    public Routing {
        Objects.requireNonNull(database, "database");
    }

    /** Every operation runs here. */
    public static Routing everything() {
        return EVERYTHING;
    }

    /** Whether operations are routed at all (false for {@link #everything()}). */
    public boolean routes() {
        return router != null;
    }

    /** The database {@code op} runs in (see {@link Router#databaseOf}); this run's database when nothing is routed. */
    public String databaseOf(String app, ProjectState before, Operation op) {
        return router == null ? database : router.databaseOf(app, before, op);
    }
}
