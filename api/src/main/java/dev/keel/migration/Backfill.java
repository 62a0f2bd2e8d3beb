package dev.keel.migration;

import java.time.Duration;

/**
 * A walk over a table by primary key in batches, made by {@link MigrationContext#batches}. Each
 * batch takes the next {@link #size} rows after the last key done ({@code WHERE pk > last ORDER BY
 * pk LIMIT size}: no {@code OFFSET}, no scan from the start), runs in its own short transaction,
 * and records its last key in {@code keel_backfill} in that same transaction. A run that stopped
 * (a failure, a killed connection, a deploy) resumes after the last recorded batch.
 *
 * <pre>{@code
 * BackfillResult r = ctx.batches("article")
 *         .size(2_000)                          // rows per batch (default 1000)
 *         .pause(Duration.ofMillis(20))         // between batches, to let other work through
 *         .where("word_count IS NULL")          // which rows of a batch change
 *         .update("word_count = array_length(regexp_split_to_array(trim(body), '\\s+'), 1)");
 * }</pre>
 *
 * Methods return this builder; {@link #update} and {@link #forEach} run the walk.
 */
public interface Backfill {
    /** Rows per batch (default 1000): each batch holds its row locks only this long. */
    Backfill size(int rows);

    /** Waits {@code pause} between batches (default none), so that other sessions get their turn. */
    Backfill pause(Duration pause);

    /**
     * An SQL condition on the table's columns (names as of this migration) that a row must meet to
     * change: rows outside it are walked over but not written.
     */
    Backfill where(String condition);

    /**
     * Names this walk in {@code keel_backfill}, where its progress is kept. Needed only to keep
     * progress across a change of the method: by default a walk is named after the method and its
     * place in it ({@code fillSlugs#1} for the first {@code batches} call of {@code fillSlugs}).
     */
    Backfill named(String step);

    /**
     * Runs {@code UPDATE table SET assignments} on each batch (only on rows that meet {@link #where}).
     *
     * @param assignments what follows {@code SET}: {@code "slug = lower(title)"}; columns by their
     *                    names as of this migration ({@link MigrationContext#column})
     * @throws java.sql.SQLException when a batch fails; the batches before it stay done and recorded
     */
    BackfillResult update(String assignments) throws java.sql.SQLException;

    /**
     * Calls {@code work} for each batch, inside the batch's transaction, for changes SQL alone cannot
     * make. {@link Batch#where()} selects the batch's rows.
     *
     * @throws Exception what {@code work} throws, or an {@link java.sql.SQLException}; the batches
     *                   before the failing one stay done and recorded
     */
    BackfillResult forEach(BatchWork work) throws Exception;

    /** What {@link #forEach} calls for each batch. */
    @FunctionalInterface
    interface BatchWork {
        /**
         * Changes the rows of {@code batch}, on {@link Batch#connection()}, inside the batch's transaction,
         * which keel commits with the batch's progress: keel refuses a commit, a rollback or a close there.
         */
        void run(Batch batch) throws Exception;
    }
}
