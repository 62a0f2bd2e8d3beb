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
            return statements(sql).stream().anyMatch(OperationKinds::schemaStatement);
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
        if (op instanceof dev.keel.operations.AddConstraint add) {
            // NOT VALID: a brief lock, no scan; its validation comes later
            return add.constraint() instanceof dev.keel.state.CheckConstraint c && !c.validated()
                    || add.constraint() instanceof dev.keel.state.ForeignKey fk && !fk.validated();
        }
        return op instanceof AddIndex || op instanceof RemoveIndex || op instanceof RenameIndex
                || op instanceof AddConstraintUsingIndex || op instanceof ValidateConstraint || op instanceof RunJava
                || op instanceof dev.keel.operations.CopyColumn || op instanceof dev.keel.operations.SwitchColumn;
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

    /**
     * Whether the operation gives the column a sync keeps in step ({@code addColumnSync}) its final shape: the
     * switch of a column rename or type change, which keel writes after deployment, after the copy of the rows
     * (NOT NULL through a check, the default, constraints and indexes of that column alone). The code that runs
     * already writes the column through the trigger; none of these is something it needs.
     */
    static boolean switchesSyncedColumn(Operation op, String app, dev.keel.project.ProjectState before) {
        String model;
        java.util.function.Predicate<String> only;
        if (op instanceof dev.keel.operations.AlterField alter) {
            model = alter.model();
            only = alter.column().name()::equals;
        } else if (op instanceof dev.keel.operations.AddConstraint add) {
            model = add.model();
            only = onlyColumn(add.constraint());
        } else if (op instanceof dev.keel.operations.AddConstraintUsingIndex using) {
            model = using.model();
            only = onlyColumn(using.constraint());
        } else if (op instanceof dev.keel.operations.RemoveConstraint remove) {
            model = remove.model();
            only = before.table(app, remove.model()).flatMap(t -> t.findConstraint(remove.name()))
                    .map(OperationKinds::onlyColumn).orElse(c -> false);
        } else {
            return false;
        }
        String key = model.toLowerCase(java.util.Locale.ROOT);
        return before.pending().stream().anyMatch(p -> p instanceof dev.keel.state.PendingSync sync
                && sync.app().equals(app) && sync.model().equals(key) && only.test(sync.column()));
    }

    /**
     * Whether {@code op} is the second step of keel's switch of a key from a sequence to an identity: the column fed
     * by a kept {@code nextval} default since the deploy (for the new code's inserts, while the old code took blocks of
     * the sequence) becomes an identity once no old code runs. A catalog change under a brief lock, no rewrite.
     */
    static boolean identityAfterSequence(Operation op, String app, dev.keel.project.ProjectState before) {
        if (!(op instanceof dev.keel.operations.AlterField alter) || alter.column().identity() == dev.keel.state.Identity.NONE
                || alter.column().defaultSql() != null) {
            return false;
        }
        return before.table(app, alter.model()).flatMap(t -> t.findFieldOrColumn(alter.field()))
                .filter(c -> c.identity() == dev.keel.state.Identity.NONE && c.defaultKept() && c.defaultSql() != null
                        && c.defaultSql().startsWith("nextval(") && c.type().equals(alter.column().type())
                        && c.name().equals(alter.column().name()) && c.notNull() == alter.column().notNull())
                .isPresent();
    }

    /** Whether a constraint is on {@code column} alone (a check: mentions it). */
    private static java.util.function.Predicate<String> onlyColumn(dev.keel.state.Constraint c) {
        return column -> c.uses(column) && c.columns().stream().allMatch(column::equals);
    }

    /** Whether an SQL statement changes the schema (not data, not a session or transaction command, not a query). */
    static boolean schemaStatement(SqlStatement s) {
        return !s.isData() && !s.is("(?:SET|SELECT|ANALYZE|COMMIT|END|ABORT|BEGIN|START|ROLLBACK|SAVEPOINT|RELEASE)\\b");
    }

    private static List<SqlStatement> statements(RunSql sql) {
        return SqlStatement.split(sql.sql());
    }
}
