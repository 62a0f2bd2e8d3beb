package dev.keel.operations;

/**
 * One method per operation type, so that the code that gives operations their meaning handles every one:
 * how each changes the project state and its reverse (keel-state), its SQL (the runner), its Java source
 * (the writer).
 */
public interface OperationVisitor<R> {
    R visit(CreateModel op);
    R visit(DeleteModel op);
    R visit(RenameModel op);
    R visit(AlterModelTable op);
    R visit(AlterModelComment op);
    R visit(AddField op);
    R visit(RemoveField op);
    R visit(AlterField op);
    R visit(RenameField op);
    R visit(AddIndex op);
    R visit(RemoveIndex op);
    R visit(RenameIndex op);
    R visit(AddConstraint op);
    R visit(RemoveConstraint op);
    R visit(ValidateConstraint op);
    R visit(AddConstraintUsingIndex op);
    R visit(RenameConstraint op);
    R visit(CreateSequence op);
    R visit(AlterSequence op);
    R visit(DeleteSequence op);
    R visit(RunSql op);
    R visit(RunJava op);
    R visit(SeparateDatabaseAndState op);
    R visit(SafeRemoveField op);
    R visit(SafeDeleteModel op);
    R visit(RestorePendingField op);
    R visit(RestorePendingModel op);
    R visit(RecreatePendingField op);
    R visit(RecreatePendingModel op);
    R visit(RenameSequence op);
    R visit(SafeDeleteSequence op);
    R visit(RestorePendingSequence op);
    R visit(RecreatePendingSequence op);
    R visit(CreateCompatibilityView op);
    R visit(DropCompatibilityView op);
    R visit(ForkSequence op);
    R visit(UnforkSequence op);
    R visit(SwitchColumn op);
    R visit(AddColumnSync op);
    R visit(RemoveColumnSync op);
    R visit(CopyColumn op);
    R visit(CreateEnumType op);
    R visit(AddEnumValue op);
    R visit(RenameEnumValue op);
    R visit(RemoveEnumValue op);
    R visit(DropEnumType op);
}
