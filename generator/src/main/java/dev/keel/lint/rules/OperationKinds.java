package dev.keel.lint.rules;

import dev.keel.lint.SqlStatement;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddIndex;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RestorePendingField;
import dev.keel.operations.RestorePendingModel;
import dev.keel.operations.RunJava;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.ValidateConstraint;

import java.util.List;

/** What an operation does to the database: changes rows, changes the schema, or nothing at all. */
final class OperationKinds {
    private OperationKinds() {}

    /** Whether the operation changes rows: Java code, a column copy, or SQL with INSERT, UPDATE, DELETE, MERGE or COPY. */
    static boolean data(Operation op) {
        return op instanceof RunJava || op instanceof dev.keel.operations.CopyColumn || op instanceof RunSql sql && statements(sql).stream().anyMatch(SqlStatement::isData);
    }

    /** Whether the operation changes the schema in the database (state-only operations do not). */
    static boolean schema(Operation op) {
        if (op instanceof RunJava) {
            return false;
        }
        if (op instanceof RunSql sql) {
            return statements(sql).stream().anyMatch(s -> !s.isData() && !s.is("(?:SET|SELECT|ANALYZE|COMMIT|END|ABORT|BEGIN|START|ROLLBACK|SAVEPOINT|RELEASE)\\b"));
        }
        boolean stateOnly = op instanceof RenameModel || op instanceof RenameField r && r.stateOnly()
                || op instanceof SafeRemoveField f && f.action() == DeletionAction.MOVE_TO_PENDING
                || op instanceof SafeDeleteModel m && m.action() == DeletionAction.MOVE_TO_PENDING
                || op instanceof dev.keel.operations.SafeDeleteSequence s && s.action() == DeletionAction.MOVE_TO_PENDING
                || op instanceof RestorePendingField || op instanceof RestorePendingModel
                || op instanceof dev.keel.operations.RestorePendingSequence;
        return !stateOnly;
    }

    /** Whether the operation may run after deployment: an index build or drop, a validation, or a data change. */
    static boolean postDeployable(Operation op) {
        if (op instanceof RunSql sql) {
            return statements(sql).stream().allMatch(s -> s.isData()
                    || s.is("(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX|ANALYZE|SET|SELECT)\\b")
                    || s.alteredTable().isPresent() && s.actions().stream().allMatch(a -> a.matches("(?is)VALIDATE\\s+CONSTRAINT\\b.*")));
        }
        if (op instanceof dev.keel.operations.AddConstraint add) {
            // NOT VALID: a brief lock, no scan; its validation comes later
            return add.constraint() instanceof dev.keel.state.CheckConstraint c && !c.validated()
                    || add.constraint() instanceof dev.keel.state.ForeignKey fk && !fk.validated();
        }
        return op instanceof AddIndex || op instanceof RemoveIndex || op instanceof RenameIndex
                || op instanceof AddConstraintUsingIndex || op instanceof ValidateConstraint || op instanceof RunJava
                || op instanceof dev.keel.operations.CopyColumn;
    }

    /**
     * Whether operation {@code i} is one of the brief steps of keel's switch of a type change written as expand and
     * contract: in a migration that switches a column of the same model ({@code switchColumn}), the NOT NULL and
     * default of the new column, the drop of the sync and of the old column's indexes and constraints, the renames
     * of the new column's ones, the old column made nullable, kept in step the other way and moved to pending.
     * They run after the deployment on purpose: once the new column is filled and its constraints validated.
     */
    static boolean partOfSwitch(List<Operation> ops, int i) {
        String model = model(ops.get(i));
        boolean switching = model != null && ops.stream().anyMatch(o -> o instanceof dev.keel.operations.SwitchColumn s && s.model().equals(model));
        Operation op = ops.get(i);
        return switching && (op instanceof dev.keel.operations.SwitchColumn || op instanceof dev.keel.operations.AlterField
                || op instanceof dev.keel.operations.RemoveConstraint || op instanceof RemoveIndex
                || op instanceof dev.keel.operations.RenameConstraint || op instanceof RenameIndex
                || op instanceof dev.keel.operations.AddColumnSync || op instanceof dev.keel.operations.RemoveColumnSync
                || op instanceof SafeRemoveField f && f.action() == DeletionAction.MOVE_TO_PENDING
                || op instanceof AddConstraintUsingIndex);
    }

    private static String model(Operation op) {
        try {
            var accessor = op.getClass().getMethod("model");
            return accessor.getReturnType() == String.class ? (String) accessor.invoke(op) : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static List<SqlStatement> statements(RunSql sql) {
        return SqlStatement.split(sql.sql());
    }
}
