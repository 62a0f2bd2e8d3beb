package dev.keel.operations;

/**
 * One step of a migration: a value of the vocabulary that migration files are written in. An
 * operation describes itself, gives the fragment it adds to a migration name, and says whether it
 * can be undone. What it does lives elsewhere, behind {@link OperationVisitor}: how it changes the
 * project state and its reverse in keel-state ({@code dev.keel.project.StateTransitions}), its SQL in
 * the runner.
 */
public sealed interface Operation permits CreateModel, DeleteModel, RenameModel, AlterModelTable, AlterModelComment,
        AddField, RemoveField, AlterField, RenameField, AddIndex, RemoveIndex, RenameIndex, AddConstraint,
        RemoveConstraint, ValidateConstraint, AddConstraintUsingIndex, RenameConstraint, CreateSequence, AlterSequence, DeleteSequence, RunSql, RunJava,
        SeparateDatabaseAndState, SafeRemoveField, SafeDeleteModel, RestorePendingField, RestorePendingModel,
        RecreatePendingField, RecreatePendingModel, RenameSequence, SafeDeleteSequence, RestorePendingSequence,
        RecreatePendingSequence, CreateCompatibilityView, DropCompatibilityView,
        ForkSequence, UnforkSequence, AddColumnSync, RemoveColumnSync, CopyColumn, SwitchColumn,
        CreateEnumType, AddEnumValue, RenameEnumValue, RemoveEnumValue, DropEnumType {

    /** A one-line, human description: {@code Add field slug to post}. */
    String describe();

    /** The words this operation adds to a generated migration name: {@code add_post_slug}. */
    String nameFragment();

    /** Whether the operation can be undone: hand-written SQL or Java without a reverse cannot. */
    default boolean reversible() {
        return true;
    }

    /** Dispatches to the visitor method for this operation's type. */
    <R> R accept(OperationVisitor<R> visitor);

}
