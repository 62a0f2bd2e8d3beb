package dev.keel.operations;

import dev.keel.state.ProjectState;

import java.util.List;

/**
 * One step of a migration. Each operation knows how it changes the project state, how it describes
 * itself, the fragment it adds to a migration name, and its reverse. Its SQL lives in the runner,
 * which visits operations through {@link OperationVisitor}.
 */
public sealed interface Operation permits CreateModel, DeleteModel, RenameModel, AlterModelTable, AlterModelComment,
        AddField, RemoveField, AlterField, RenameField, AddIndex, RemoveIndex, RenameIndex, AddConstraint,
        RemoveConstraint, ValidateConstraint, AddConstraintUsingIndex, RenameConstraint, CreateSequence, AlterSequence, DeleteSequence, RunSql, RunJava,
        SeparateDatabaseAndState, SafeRemoveField, SafeDeleteModel, RestorePendingField, RestorePendingModel,
        RecreatePendingField, RecreatePendingModel {

    /**
     * Returns the state after this operation, run by a migration of {@code app}.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when the state lacks what the operation needs
     */
    ProjectState applyTo(String app, ProjectState state);

    /** A one-line, human description: {@code Add field slug to post}. */
    String describe();

    /** The words this operation adds to a generated migration name: {@code add_post_slug}. */
    String nameFragment();

    /** Whether {@link #reverse} can undo this operation. */
    default boolean reversible() {
        return true;
    }

    /**
     * The operations that undo this one: applied to the state after it, they give {@code before} back.
     *
     * @param app    the app of the migration holding this operation
     * @param before the state this operation was applied to
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when there is no reverse
     */
    List<Operation> reverse(String app, ProjectState before);

    /** Dispatches to the visitor method for this operation's type. */
    <R> R accept(OperationVisitor<R> visitor);

}
