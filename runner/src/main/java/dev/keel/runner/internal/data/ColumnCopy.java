package dev.keel.runner.internal.data;

import dev.keel.migration.BackfillResult;
import dev.keel.migration.MigrationKey;
import dev.keel.project.ProjectState;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.sql.ColumnCopySql;
import dev.keel.runner.sql.Step;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a {@code CopyColumn} step with keel's keyset backfill: batches of the table's rows, each its own
 * transaction committed with its progress in {@code keel_backfill}, so an interrupted run resumes after the
 * last committed batch; a progress bar or lines while it runs. A table without a single-column primary key is
 * walked by pages ({@code ctid} ranges).
 */
public final class ColumnCopy {
    private ColumnCopy() {}

    /**
     * Fills {@code step}'s column for the rows of the state's table where it is still null.
     *
     * @param connection keel's connection, in autocommit (a non-atomic migration)
     * @param state      the state the operation meets
     */
    public static BackfillResult run(MigrationKey migration, Connection connection, ProjectState state, MigrateListener listener,
                                     Step.Backfill step) throws SQLException {
        // named by table and column: one migration copies a same-named column of several tables (a field renamed
        // in a TABLE_PER_CLASS hierarchy), and each walk keeps its own progress in keel_backfill
        String name = "copyColumn(" + step.model() + "." + step.column() + ")";
        var context = new RunContext(migration, name, connection, state, listener);
        return ((KeysetBackfill) context.batches(step.model())).pagesWithoutKey().named(name)
                .where(ColumnCopySql.condition(step.column(), step.expression()))
                .update(ColumnCopySql.assignment(step.column(), step.expression()));
    }
}
