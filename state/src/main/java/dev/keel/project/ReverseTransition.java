package dev.keel.project;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.AlterModelComment;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.AlterSequence;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.CreateEnumType;
import dev.keel.operations.AddEnumValue;
import dev.keel.operations.RenameEnumValue;
import dev.keel.operations.RemoveEnumValue;
import dev.keel.operations.DropEnumType;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.OperationVisitor;
import dev.keel.operations.RecreatePendingField;
import dev.keel.operations.RecreatePendingModel;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RestorePendingField;
import dev.keel.operations.RestorePendingModel;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.ForkSequence;
import dev.keel.operations.UnforkSequence;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.DropCompatibilityView;
import dev.keel.operations.AddColumnSync;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.SwitchColumn;
import dev.keel.operations.ValidateConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;

import static dev.keel.project.TransitionChecks.irreversible;
import static dev.keel.project.TransitionChecks.requireConstraint;
import static dev.keel.project.TransitionChecks.requireField;

/**
 * The operations that undo one operation of a migration of {@code app} that met the state {@code before}:
 * applied to the state after it, they give {@code before} back. One method per operation.
 */
record ReverseTransition(String app, ProjectState before) implements OperationVisitor<List<Operation>> {

    @Override public List<Operation> visit(CreateModel op) {
        return List.of(new DeleteModel(op.model()));
    }

    @Override public List<Operation> visit(DeleteModel op) {
        return List.of(new CreateModel(op.model(), before.requireTable(app, op.model())));
    }

    @Override public List<Operation> visit(RenameModel op) {
        Table table = before.requireTable(app, op.oldModel());
        return List.of(new RenameModel(op.newModel(), table.modelName()));
    }

    @Override public List<Operation> visit(AlterModelTable op) {
        Table t = before.requireTable(app, op.model());
        return List.of(new AlterModelTable(op.model(), t.qualifiedName()));
    }

    @Override public List<Operation> visit(AlterModelComment op) {
        return List.of(new AlterModelComment(op.model(), before.requireTable(app, op.model()).comment()));
    }

    @Override public List<Operation> visit(AddField op) {
        return List.of(new RemoveField(op.model(), op.field()));
    }

    /** Adds the column back, then the constraints and indexes that dropping it removed. */
    @Override public List<Operation> visit(RemoveField op) {
        Table t = before.requireTable(app, op.model());
        Column c = requireField(t, op.field());
        var ops = new ArrayList<Operation>();
        ops.add(new AddField(op.model(), op.field(), c));
        t.constraints().stream().filter(k -> k.uses(c.name())).forEach(k -> ops.add(new AddConstraint(op.model(), k)));
        t.indexes().stream().filter(i -> i.uses(c.name())).forEach(i -> ops.add(new AddIndex(op.model(), i, false)));
        return ops;
    }

    @Override public List<Operation> visit(AlterField op) {
        Column old = requireField(before.requireTable(app, op.model()), op.field());
        if (old.isGenerated() && !op.column().isGenerated()) {
            // DROP EXPRESSION: PostgreSQL cannot make the column generated again in place
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.IRREVERSIBLE, "operation \"" + op.describe()
                    + "\" has no reverse: it made generated column " + old.name() + " an ordinary one (DROP EXPRESSION), and"
                    + " PostgreSQL cannot make an ordinary column generated again in place."
                    + "\nTo fix: do not migrate backwards past it; or drop the column and add it again as a generated one in a new migration.");
        }
        return List.of(new AlterField(op.model(), op.field(), old));
    }

    @Override public List<Operation> visit(RenameField op) {
        Column old = requireField(before.requireTable(app, op.model()), op.oldField());
        return List.of(new RenameField(op.model(), op.newField(), op.oldField(), op.newColumn() == null ? null : old.name()));
    }

    @Override public List<Operation> visit(AddIndex op) {
        return List.of(new RemoveIndex(op.model(), op.index().name(), op.isConcurrent()));
    }

    @Override public List<Operation> visit(RemoveIndex op) {
        Index index = TransitionChecks.requireIndex(app, op.model(), op.name(), before.requireTable(app, op.model()));
        return List.of(new AddIndex(op.model(), index, op.isConcurrent()));
    }

    @Override public List<Operation> visit(RenameIndex op) {
        return List.of(new RenameIndex(op.model(), op.newName(), op.oldName()));
    }

    @Override public List<Operation> visit(AddConstraint op) {
        return List.of(new RemoveConstraint(op.model(), op.constraint().name()));
    }

    @Override public List<Operation> visit(RemoveConstraint op) {
        return List.of(new AddConstraint(op.model(), requireConstraint(app, op.model(), op.name(), before)));
    }

    /** The database cannot un-validate; the reverse marks the constraint NOT VALID in the state only. */
    @Override public List<Operation> visit(ValidateConstraint op) {
        Constraint c = requireConstraint(app, op.model(), op.name(), before);
        return List.of(new SeparateDatabaseAndState(List.of(),
                List.of(new RemoveConstraint(op.model(), op.name()), new AddConstraint(op.model(), c))));
    }

    @Override public List<Operation> visit(AddConstraintUsingIndex op) {
        Index i = before.requireTable(app, op.model()).findIndex(op.index()).orElseThrow();
        return List.of(new RemoveConstraint(op.model(), op.constraint().name()), new AddIndex(op.model(), i, false));
    }

    @Override public List<Operation> visit(RenameConstraint op) {
        return List.of(new RenameConstraint(op.model(), op.newName(), op.oldName()));
    }

    @Override public List<Operation> visit(CreateEnumType op) {
        return List.of(new DropEnumType(op.type().name()));
    }

    @Override public List<Operation> visit(AddEnumValue op) {
        return List.of(new RemoveEnumValue(op.type(), op.value()));
    }

    @Override public List<Operation> visit(RenameEnumValue op) {
        return List.of(new RenameEnumValue(op.type(), op.newValue(), op.oldValue()));
    }

    /** The value back in its place: before the value that followed it, or at the end. */
    @Override public List<Operation> visit(RemoveEnumValue op) {
        List<String> values = before.requireEnumType(op.type()).values();
        int at = values.indexOf(op.value());
        return List.of(new AddEnumValue(op.type(), op.value(), at >= 0 && at + 1 < values.size() ? values.get(at + 1) : null, null));
    }

    @Override public List<Operation> visit(DropEnumType op) {
        return List.of(new CreateEnumType(before.requireEnumType(op.name())));
    }

    @Override public List<Operation> visit(CreateSequence op) {
        return List.of(new DeleteSequence(op.sequence().name()));
    }

    @Override public List<Operation> visit(AlterSequence op) {
        return List.of(new AlterSequence(before.requireSequence(op.sequence().name())));
    }

    @Override public List<Operation> visit(DeleteSequence op) {
        return List.of(new CreateSequence(before.requireSequence(op.name())));
    }

    @Override public List<Operation> visit(RenameSequence op) {
        return List.of(new RenameSequence(op.newName(), op.oldName()));
    }

    @Override public List<Operation> visit(ForkSequence op) {
        return List.of(new UnforkSequence(op.oldName(), op.newName(), op.headroom()));
    }

    @Override public List<Operation> visit(UnforkSequence op) {
        return List.of(new ForkSequence(op.oldName(), op.newName(), op.headroom()));
    }

    @Override public List<Operation> visit(SafeDeleteSequence op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return List.of(new RestorePendingSequence(op.name()));
        }
        return List.of(new RecreatePendingSequence(TransitionChecks.pendingSequence(op.name(), before).sequence()));
    }

    @Override public List<Operation> visit(RestorePendingSequence op) {
        return List.of(new SafeDeleteSequence(op.name(), DeletionAction.MOVE_TO_PENDING));
    }

    @Override public List<Operation> visit(RecreatePendingSequence op) {
        return List.of(new SafeDeleteSequence(op.sequence().name(), DeletionAction.DELETE));
    }

    @Override public List<Operation> visit(CreateCompatibilityView op) {
        return List.of(new DropCompatibilityView(op.view()));
    }

    @Override public List<Operation> visit(AddColumnSync op) {
        return List.of(new RemoveColumnSync(op.model(), op.column()));
    }

    @Override public List<Operation> visit(RemoveColumnSync op) {
        var p = TransitionChecks.pendingSync(app, op.model(), op.column(), before);
        return List.of(new AddColumnSync(op.model(), p.source(), p.column(), p.forward(), p.backward()));
    }

    /** The copied values stay: the column they fill is dropped by the reverse of the operation that added it. */
    @Override public List<Operation> visit(CopyColumn op) {
        return List.of();
    }

    @Override public List<Operation> visit(DropCompatibilityView op) {
        var p = TransitionChecks.pendingView(op.view(), before);
        return List.of(new CreateCompatibilityView(p.view(), p.target(), p.columns()));
    }

    @Override public List<Operation> visit(RunSql op) {
        if (op.reverseSql() == null) {
            throw irreversible(op);
        }
        return op.reverseSql().isBlank() ? List.of() : List.of(new RunSql(op.reverseSql(), op.sql(), op.touches()));
    }

    @Override public List<Operation> visit(RunJava op) {
        if (op.reverse() == null) {
            throw irreversible(op);
        }
        return List.of(new RunJava(op.reverse(), op.forward(), op.touches()));
    }

    @Override public List<Operation> visit(SeparateDatabaseAndState op) {
        return List.of(new SeparateDatabaseAndState(StateTransitions.reverseAll(app, before, op.database()),
                StateTransitions.reverseAll(app, before, op.state())));
    }

    @Override public List<Operation> visit(SafeRemoveField op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return List.of(new RestorePendingField(op.model(), op.field()));
        }
        PendingColumn p = TransitionChecks.pendingColumn(app, op.model(), op.field(), before);
        return List.of(new RecreatePendingField(op.model(), p.table(), p.column(), p.indexes(), p.constraints()));
    }

    @Override public List<Operation> visit(SafeDeleteModel op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return List.of(new RestorePendingModel(op.model()));
        }
        return List.of(new RecreatePendingModel(op.model(), TransitionChecks.pendingTable(app, op.model(), before).definition()));
    }

    /** A switch back: the other field's column takes back the name it had. */
    @Override public List<Operation> visit(SwitchColumn op) {
        Column theirs = requireField(before.requireTable(app, op.model()), op.other());
        return List.of(new SwitchColumn(op.model(), op.field(), op.other(), theirs.name()));
    }

    @Override public List<Operation> visit(RestorePendingField op) {
        return List.of(new SafeRemoveField(op.model(), op.field(), DeletionAction.MOVE_TO_PENDING));
    }

    @Override public List<Operation> visit(RestorePendingModel op) {
        return List.of(new SafeDeleteModel(op.model(), DeletionAction.MOVE_TO_PENDING));
    }

    @Override public List<Operation> visit(RecreatePendingField op) {
        return List.of(new SafeRemoveField(op.model(), op.column().field() != null ? op.column().field() : op.column().name(),
                DeletionAction.DELETE));
    }

    @Override public List<Operation> visit(RecreatePendingModel op) {
        return List.of(new SafeDeleteModel(op.model(), DeletionAction.DELETE));
    }
}
