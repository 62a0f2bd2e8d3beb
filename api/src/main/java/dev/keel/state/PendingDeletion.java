package dev.keel.state;

/**
 * Something that has left the model but is still in the database, waiting for a later
 * {@code DeletionAction.DELETE}: a column ({@link PendingColumn}), a table ({@link PendingTable}) or a sequence ({@link PendingSequence}).
 */
public sealed interface PendingDeletion permits PendingColumn, PendingTable, PendingSequence, PendingView, PendingSync {
    /** The app whose migration moved it to pending. */
    String app();

    /** The model it belonged to, lower case. */
    String model();

    /** The physical table it lives in (or is). */
    String table();
}
