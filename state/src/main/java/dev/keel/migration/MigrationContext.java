package dev.keel.migration;

import dev.keel.state.ProjectState;

import java.sql.Connection;

/**
 * What a {@code RunJava} method of a migration gets when the runner calls it:
 *
 * <pre>{@code
 * void fillSlugs(MigrationContext context) throws SQLException {
 *     try (var st = context.connection().createStatement()) {
 *         st.executeUpdate("UPDATE post SET slug = lower(title) WHERE slug IS NULL");
 *     }
 * }
 * }</pre>
 *
 * The connection is the runner's: inside the migration's transaction when the migration is atomic,
 * in autocommit otherwise, and always under the runner's {@code lock_timeout} (and, for deploy-time
 * migrations, its {@code statement_timeout}). Do not commit, roll back or close it.
 */
public interface MigrationContext {
    /** The migration whose method runs. */
    MigrationKey migration();

    /** The runner's connection to the database. */
    Connection connection();

    /**
     * The schema as of this operation: tables and columns named as they are in the database at this
     * point of the history, not as the entities name them today.
     */
    ProjectState state();
}
