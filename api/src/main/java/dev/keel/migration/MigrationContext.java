package dev.keel.migration;

import java.sql.Connection;

/**
 * What a {@code RunJava} method of a migration gets when the runner calls it: the connection, the
 * schema as of this migration (Django's {@code apps.get_model}), a log, and a batched helper for
 * large tables.
 *
 * <pre>{@code
 * void fillSlugs(MigrationContext ctx) throws SQLException {
 *     HistoricalTable post = ctx.table("post");          // names as of this migration
 *     try (var st = ctx.connection().createStatement()) {
 *         int n = st.executeUpdate("UPDATE " + post.name() + " SET " + post.column("slug") + " = lower("
 *                 + post.column("title") + ") WHERE " + post.column("slug") + " IS NULL");
 *         ctx.log(n + " slugs filled");
 *     }
 * }
 * }</pre>
 *
 * Names come from the state this migration meets, not from today's entities: code written today
 * keeps working after a later migration renames the table or a column.
 *
 * <p>The connection is the runner's: inside the migration's transaction when the migration is atomic,
 * in autocommit otherwise, and always under the runner's {@code lock_timeout} (and, for deploy-time
 * migrations, its {@code statement_timeout}). In an atomic migration the runner refuses {@code commit()},
 * {@code rollback()}, {@code setAutoCommit(true)} and SQL {@code COMMIT}/{@code ROLLBACK}/{@code BEGIN}/
 * {@code END}/{@code SET TRANSACTION} on it, before they reach the database (the migration then fails,
 * and nothing of it is applied); savepoints are allowed. It is never to be closed. Work that must commit
 * in parts belongs in a non-atomic migration, in steps that can run again; {@link #batches} commits its
 * batches itself, and so needs a non-atomic migration.
 */
public interface MigrationContext {
    /** The migration whose method runs. */
    MigrationKey migration();

    /** The runner's connection to the database. */
    Connection connection();

    /**
     * The table of model {@code model} of this migration's app as of this migration:
     * {@code ctx.table("post").name()}.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when the app has no such model
     *                                      at this point, listing the models it has
     */
    HistoricalTable table(String app, String model);

    /** The table of model {@code model} of this migration's own app; see {@link #table(String, String)}. */
    default HistoricalTable table(String model) {
        return table(migration().app(), model);
    }

    /**
     * The column of field {@code field} of model {@code model} (this migration's app) as of this
     * migration, ready for SQL: {@code ctx.column("post", "slug")}.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when the model or the field is
     *                                      unknown at this point, listing what there is
     */
    default String column(String model, String field) {
        return table(model).column(field);
    }

    /** Writes a line to {@code keel migrate}'s output, under the migration's line. */
    void log(String message);

    /**
     * A batched walk over the table of {@code model} (this migration's app) by primary key, for
     * tables too large for one statement: each batch is its own short transaction, progress is
     * shown and recorded, and a run that stopped resumes after the last finished batch.
     *
     * <pre>{@code
     * ctx.batches("post").size(5_000).pause(Duration.ofMillis(50))
     *    .where("slug IS NULL")
     *    .update("slug = lower(title)");
     * }</pre>
     *
     * The migration must not be atomic ({@code atomic(false)}); on a large table make it
     * post-deployment too ({@code postDeployment()}).
     */
    Backfill batches(String model);
}
