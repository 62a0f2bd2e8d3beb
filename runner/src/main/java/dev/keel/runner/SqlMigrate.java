package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.routing.Router;
import dev.keel.runner.internal.CollectingSink;
import dev.keel.runner.internal.Executor;
import dev.keel.runner.internal.LargeTableMoves;
import dev.keel.runner.internal.Routing;
import dev.keel.runner.internal.SchemaHistory;
import dev.keel.runner.internal.Script;
import dev.keel.runner.internal.Scripts;

import java.util.Set;

/**
 * {@code keel sqlmigrate}: the SQL one migration runs, without a database. It is the executor with a
 * collecting sink, so the text is what {@code migrate} sends: the timeouts, {@code BEGIN}/{@code COMMIT}
 * around an atomic migration, and each statement of a non-atomic one numbered, in its re-runnable
 * form, with its guard as a comment.
 */
public final class SqlMigrate {
    private SqlMigrate() {}

    /**
     * The SQL of migration {@code name} (or a unique prefix) of {@code app}, forwards or backwards.
     *
     * @throws KeelException of kind USAGE for an unknown or ambiguous name, IRREVERSIBLE backwards
     *                       when an operation has no reverse
     */
    public static String sql(MigrationSet set, RunnerSettings settings, String app, String name, boolean backwards) {
        return sql(set, settings, app, name, backwards, Routing.everything());
    }

    /**
     * The SQL of migration {@code name} of {@code app} on the database {@code database} of a project whose
     * databases {@code router} knows: the operations routed elsewhere are listed as comments, not run.
     *
     * @throws KeelException of kind USAGE for an unknown or ambiguous name, IRREVERSIBLE backwards
     *                       when an operation has no reverse, INVALID_OPERATION when one cannot be routed
     */
    public static String sql(MigrationSet set, RunnerSettings settings, String app, String name, boolean backwards,
                             Router router, String database) {
        return sql(set, settings, app, name, backwards, new Routing(router, database));
    }

    private static String sql(MigrationSet set, RunnerSettings settings, String app, String name, boolean backwards,
                              Routing routing) {
        MigrationGraph graph = set.graph(Set.of());
        MigrationTarget target = graph.resolve(app, name);
        if (target.isZero()) {
            throw new KeelException(ErrorKind.USAGE, "sqlmigrate needs a migration, not " + MigrationTarget.ZERO
                    + ".\nTo fix: name one migration of " + app + ".");
        }
        MigrationSpec spec = graph.spec(target.key()).orElseThrow();
        ProjectState before = graph.stateAt(spec.dependencies());
        Script script = backwards ? Scripts.backwards(spec, before, routing) : Scripts.forwards(spec, before, routing);
        var sink = new CollectingSink();
        sink.line("-- " + spec.key() + (backwards ? ", backwards (unapply)" : ", forwards (apply)")
                + (spec.origin() == null ? "" : ": " + spec.origin()));
        if (spec.atomic()) {
            sink.line("-- Atomic: one transaction, in which keel also records it in keel_migrations.");
        } else {
            sink.line("-- NOT atomic: each statement commits on its own. keel records each step in keel_migrations as it");
            sink.line("-- is done and a re-run goes on after the last one recorded; keel's statements are written to run twice safely.");
        }
        if (spec.postDeployment()) {
            sink.line("-- Post-deployment: runs with keel migrate --post-deploy, without a statement timeout.");
        }
        if (!backwards) {
            LargeTableMoves.note(script, settings.largeTables()).forEach(n -> sink.line("-- " + n));
        }
        if (routing.routes() && routing.router().several()) {
            sink.line("-- Database: " + routing.database() + ".");
        }
        for (String skipped : script.skipped()) {
            sink.line("-- Not applicable to database " + routing.database() + ", skipped here: " + skipped);
        }
        if (script.steps().isEmpty() && !script.skipped().isEmpty()) {
            sink.line("-- (no SQL on database " + routing.database() + "; keel records the migration as applied)");
            return sink.text();
        }
        if (script.steps().isEmpty()) {
            sink.line("-- (no SQL: this migration changes only keel's state)");
            return sink.text();
        }
        new Executor(sink, SchemaHistory.none(), settings, MigrateListener.silent()).run(script, "", 0);
        return sink.text();
    }
}
