package dev.keel.operations;

/** The two phases of a safe removal. */
public enum DeletionAction {
    /** State only: the column or table leaves the model but stays in the database, recorded as pending. */
    MOVE_TO_PENDING,
    /** Drops what an earlier {@code MOVE_TO_PENDING} left in the database. */
    DELETE
}
