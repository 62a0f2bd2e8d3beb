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

    /**
     * Whether the operation may run after deployment: an index build or drop, a validation, a data change (a column
     * copy), or the switch of a type change (two column renames, after the backfill, while only the new code runs).
     */
    static boolean postDeployable(Operation op) {
        if (op instanceof RunSql sql) {
            return statements(sql).stream().allMatch(s -> s.isData()
                    || s.is("(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX|ANALYZE|SET|SELECT)\\b")
                    || s.alteredTable().isPresent() && s.actions().stream().allMatch(a -> a.matches("(?is)VALIDATE\\s+CONSTRAINT\\b.*")));
        }
        return op instanceof AddIndex || op instanceof RemoveIndex || op instanceof RenameIndex
                || op instanceof AddConstraintUsingIndex || op instanceof ValidateConstraint || op instanceof RunJava
                || op instanceof dev.keel.operations.CopyColumn || op instanceof dev.keel.operations.SwitchColumn;
    }

    private static List<SqlStatement> statements(RunSql sql) {
        return SqlStatement.split(sql.sql());
    }
}
