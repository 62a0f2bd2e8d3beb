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
import dev.keel.state.PendingView;
import dev.keel.state.PendingSync;
import dev.keel.operations.AddColumnSync;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.state.PendingSequence;
import dev.keel.state.Sequence;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.SwitchColumn;
import dev.keel.operations.ValidateConstraint;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingTable;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;

import static dev.keel.project.TransitionChecks.invalid;
import static dev.keel.project.TransitionChecks.requireConstraint;
import static dev.keel.project.TransitionChecks.requireField;

/** The state after one operation of a migration of {@code app}, applied to {@code state}: one method per operation. */
record ApplyTransition(String app, ProjectState state) implements OperationVisitor<ProjectState> {

    @Override public ProjectState visit(CreateModel op) {
        Table table = op.table();
        for (var fk : table.foreignKeys()) {
            boolean self = fk.targetTable().equals(table.qualifiedName());
            if (!self && state.tableNamed(fk.targetTable()).isEmpty()) {
                throw invalid("foreign key " + fk.name() + " of " + app + "." + op.model()
                        + " references table " + fk.targetTable() + ", which no earlier migration creates",
                        "create " + fk.targetTable() + " first, or add a dependency on the migration that does");
            }
        }
        return state.addTable(app, op.model(), table);
    }

    @Override public ProjectState visit(DeleteModel op) {
        Table table = state.requireTable(app, op.model());
        TransitionChecks.requireNoSyncOn(table.qualifiedName(), "dropping", state);
        var referencing = new java.util.ArrayList<>(state.tables().stream()
                .filter(t -> t != table)
                .filter(t -> t.foreignKeys().stream().anyMatch(fk -> fk.enforced() && fk.targetTable().equals(table.qualifiedName())))
                .map(t -> t.app() + "." + t.model()).toList());
        referencing.addAll(TransitionChecks.pendingReferences(table.qualifiedName(), state));
        if (!referencing.isEmpty()) {
            throw invalid("model " + app + "." + op.model() + " is still referenced by foreign keys of " + referencing,
                    "remove those foreign keys in an earlier operation");
        }
        return state.removeTable(app, op.model());
    }

    @Override public ProjectState visit(RenameModel op) {
        Table table = state.requireTable(app, op.oldModel());
        // the class follows the model where the model was the class's name; an entity named by @Entity(name) keeps its class
        String entity = table.entity() == null ? null
                : table.entity().toLowerCase(java.util.Locale.ROOT).equals(table.model()) ? op.newModel() : table.entity();
        return state.renameModel(app, op.oldModel(), op.newModel(), entity);
    }

    @Override public ProjectState visit(AlterModelTable op) {
        String table = op.table();
        if (state.tableNameTaken(table)) {
            throw invalid("table " + table + " already exists", "choose a table name that is free");
        }
        int dot = table.indexOf('.');
        return state.updateTable(app, op.model(), t -> dot < 0 ? t.rename(table).schema(null)
                : t.schema(table.substring(0, dot)).rename(table.substring(dot + 1)));
    }

    @Override public ProjectState visit(AlterModelComment op) {
        return state.updateTable(app, op.model(), t -> t.comment(op.comment()));
    }

    @Override public ProjectState visit(AddField op) {
        Column column = op.column();
        return state.updateTable(app, op.model(), t -> {
            if (t.findField(op.field()).isPresent()) {
                throw invalid("model " + app + "." + op.model() + " already has a field " + op.field(),
                        "rename the new field, or remove the old one first");
            }
            if (t.findColumn(column.name()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has a column " + column.name(),
                        "map the field to another column with @Column(name = ...)");
            }
            return t.column(column);
        });
    }

    @Override public ProjectState visit(RemoveField op) {
        Table table = state.requireTable(app, op.model());
        String column = requireField(table, op.field()).name();
        TransitionChecks.requireNoSync(table.qualifiedName(), column, "dropping", state);
        return state.updateTable(app, op.model(), t -> t.withoutColumn(column)).droppingColumn(table.qualifiedName(), column);
    }

    @Override public ProjectState visit(AlterField op) {
        Column column = op.column();
        return state.updateTable(app, op.model(), t -> {
            Column old = requireField(t, op.field());
            if (!old.name().equals(column.name())) {
                TransitionChecks.requireNoSync(t.qualifiedName(), old.name(), "renaming", state);
                TransitionChecks.requireNotKeptByPending(t, old.name(), "renaming", state);
            }
            if (!old.name().equals(column.name()) && t.findColumn(column.name()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has a column " + column.name(),
                        "choose a free column name");
            }
            // a column no field owns (another entity's one-to-many join column) stays unowned when altered
            return t.replaceColumn(old.name(), old.field() == null ? column.field(null) : column);
        });
    }

    @Override public ProjectState visit(RenameField op) {
        String newField = op.newField();
        String newColumn = op.newColumn();
        return state.updateTable(app, op.model(), t -> {
            Column old = requireField(t, op.oldField());
            if (t.findField(newField).isPresent()) {
                throw invalid("model " + app + "." + op.model() + " already has a field " + newField, "choose a free field name");
            }
            // a join or collection table's columns belong to no field: a rename changes the column only
            Column renamed = t.entity() == null && old.field() == null ? old : old.field(newField);
            if (newColumn != null) {
                if (!newColumn.equals(old.name())) {
                    TransitionChecks.requireNoSync(t.qualifiedName(), old.name(), "renaming", state);
                    TransitionChecks.requireNotKeptByPending(t, old.name(), "renaming", state);
                }
                if (t.findColumn(newColumn).isPresent()) {
                    throw invalid("table " + t.qualifiedName() + " already has a column " + newColumn, "choose a free column name");
                }
                renamed = renamed.name(newColumn);
            }
            return t.replaceColumn(old.name(), renamed);
        });
    }

    @Override public ProjectState visit(AddIndex op) {
        Index index = op.index();
        return state.updateTable(app, op.model(), t -> {
            if (t.findIndex(index.name()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has an index " + index.name(), "choose another index name");
            }
            TransitionChecks.requireNameFreeOfPending(t, index.name(), state);
            return t.index(index);
        });
    }

    @Override public ProjectState visit(RemoveIndex op) {
        return state.updateTable(app, op.model(), t -> {
            TransitionChecks.requireIndex(app, op.model(), op.name(), t);
            return t.withoutIndex(op.name());
        });
    }

    @Override public ProjectState visit(RenameIndex op) {
        String oldName = op.oldName();
        String newName = op.newName();
        return state.updateTable(app, op.model(), t -> {
            Index i = t.findIndex(oldName).orElseThrow(() -> invalid("model " + app + "." + op.model()
                    + " has no index " + oldName, "correct the index name"));
            if (t.findIndex(newName).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has an index " + newName, "choose another name");
            }
            TransitionChecks.requireNameFreeOfPending(t, newName, state);
            return t.replaceIndex(oldName, i.withName(newName));
        });
    }

    @Override public ProjectState visit(AddConstraint op) {
        Constraint constraint = op.constraint();
        if (constraint instanceof ForeignKey fk && state.tableNamed(fk.targetTable()).isEmpty()
                && !state.requireTable(app, op.model()).qualifiedName().equals(fk.targetTable())) {
            throw invalid("foreign key " + fk.name() + " references table " + fk.targetTable() + ", which does not exist",
                    "create the target table first, or add a dependency on the migration that does");
        }
        return state.updateTable(app, op.model(), t -> {
            if (t.findConstraint(constraint.name()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has a constraint " + constraint.name(), "choose another name");
            }
            TransitionChecks.requireNameFreeOfPending(t, constraint.name(), state);
            for (String c : constraint.columns()) {
                if (t.findColumn(c).isEmpty()) {
                    throw invalid("constraint " + constraint.name() + " uses column " + c + ", which " + t.qualifiedName()
                            + " does not have", "add the column first");
                }
            }
            return t.constraint(constraint);
        });
    }

    @Override public ProjectState visit(RemoveConstraint op) {
        requireConstraint(app, op.model(), op.name(), state);
        return state.updateTable(app, op.model(), t -> t.withoutConstraint(op.name()));
    }

    @Override public ProjectState visit(ValidateConstraint op) {
        Constraint c = requireConstraint(app, op.model(), op.name(), state);
        Constraint validated;
        if (c instanceof ForeignKey fk) {
            validated = fk.validatedCopy();
        } else if (c instanceof CheckConstraint ch) {
            validated = new CheckConstraint(ch.name(), ch.expression(), true);
        } else {
            throw invalid("constraint " + op.name() + " of " + op.model() + " is a unique constraint, which is never NOT VALID",
                    "validate only foreign keys and checks");
        }
        return state.updateTable(app, op.model(), t -> t.replaceConstraint(op.name(), validated));
    }

    @Override public ProjectState visit(AddConstraintUsingIndex op) {
        String index = op.index();
        var constraint = op.constraint();
        return state.updateTable(app, op.model(), t -> {
            Index i = t.findIndex(index).orElseThrow(() -> invalid("model " + app + "." + op.model() + " has no index " + index,
                    "build the unique index first (addIndex(..., index(...).unique(), true))"));
            if (!i.isUnique() || !i.columns().equals(constraint.columns()) || i.where() != null || !i.method().equals("btree")) {
                throw invalid("index " + index + " is not a plain unique index on " + constraint.columns(),
                        "use a unique btree index on exactly the constraint's columns");
            }
            if (t.findConstraint(constraint.name()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has a constraint " + constraint.name(), "choose another name");
            }
            if (!constraint.name().equals(index)) {
                TransitionChecks.requireNameFreeOfPending(t, constraint.name(), state);
            }
            return t.withoutIndex(index).constraint(constraint);
        });
    }

    @Override public ProjectState visit(RenameConstraint op) {
        String oldName = op.oldName();
        String newName = op.newName();
        PrimaryKey pk = state.requireTable(app, op.model()).primaryKey();
        boolean primaryKey = pk != null && pk.name().equals(oldName);
        Constraint c = primaryKey ? null : requireConstraint(app, op.model(), oldName, state);
        return state.updateTable(app, op.model(), t -> {
            if (t.findConstraint(newName).isPresent() || (t.primaryKey() != null && t.primaryKey().name().equals(newName))) {
                throw invalid("table " + t.qualifiedName() + " already has a constraint " + newName, "choose another name");
            }
            TransitionChecks.requireNameFreeOfPending(t, newName, state);
            return primaryKey ? t.withPrimaryKey(new PrimaryKey(newName, pk.columns()))
                    : t.replaceConstraint(oldName, c.withName(newName));
        });
    }

    // ---- enum types ------------------------------------------------------------------------

    @Override public ProjectState visit(CreateEnumType op) {
        return state.addEnumType(op.type());
    }

    @Override public ProjectState visit(AddEnumValue op) {
        return state.replaceEnumType(enumChange(() -> state.requireEnumType(op.type()).withValue(op.value(), op.before(), op.after())));
    }

    @Override public ProjectState visit(RenameEnumValue op) {
        return state.replaceEnumType(enumChange(() -> state.requireEnumType(op.type()).withValueRenamed(op.oldValue(), op.newValue())));
    }

    @Override public ProjectState visit(RemoveEnumValue op) {
        dev.keel.state.EnumType type = state.requireEnumType(op.type());
        if (type.values().size() == 1 && type.values().get(0).equals(op.value())) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.INVALID_OPERATION, "enum type " + op.type()
                    + " would have no value left without " + op.value() + "\nTo fix: drop the type with dropEnumType instead.");
        }
        return state.replaceEnumType(enumChange(() -> type.withoutValue(op.value())));
    }

    @Override public ProjectState visit(DropEnumType op) {
        state.requireEnumType(op.name());
        var users = state.columnsOfEnumType(op.name());
        if (!users.isEmpty()) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.INVALID_OPERATION, "enum type " + op.name()
                    + " is still the type of " + String.join(", ", users)
                    + "\nTo fix: remove or retype those columns in an earlier operation, then drop the type.");
        }
        return state.removeEnumType(op.name());
    }

    /** A change of an enum type's values; a value that is not there (or already is) is an invalid operation. */
    private static dev.keel.state.EnumType enumChange(java.util.function.Supplier<dev.keel.state.EnumType> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.INVALID_OPERATION, e.getMessage()
                    + "\nTo fix: name a value the type has (the state after the earlier migrations), or correct the value.");
        }
    }

    @Override public ProjectState visit(CreateSequence op) {
        return state.addSequence(op.sequence());
    }

    @Override public ProjectState visit(AlterSequence op) {
        state.requireSequence(op.sequence().name());
        return state.replaceSequence(op.sequence());
    }

    @Override public ProjectState visit(DeleteSequence op) {
        return state.removeSequence(op.name());
    }

    @Override public ProjectState visit(RenameSequence op) {
        return state.renameSequence(op.oldName(), op.newName());
    }

    /** The sequence under its new name (start and increment kept); the old one pending deletion. */
    @Override public ProjectState visit(ForkSequence op) {
        Sequence old = state.requireSequence(op.oldName());
        if (old.increment() < 0) {
            throw invalid("sequence " + op.oldName() + " counts down (increment " + old.increment() + "): a cap above its value would not keep the ids apart",
                    "rename it with renameSequence when no running code draws from it, or keep its name");
        }
        return state.renameSequence(op.oldName(), op.newName()).addPending(new PendingSequence(app, old));
    }

    @Override public ProjectState visit(UnforkSequence op) {
        PendingSequence p = TransitionChecks.pendingSequence(op.oldName(), state);
        Sequence neu = state.requireSequence(op.newName());
        return state.removePending(p).removeSequence(neu.name()).addSequence(p.sequence());
    }

    /** Hand-written SQL does not change the state; {@link SeparateDatabaseAndState} says what it did. */
    @Override public ProjectState visit(RunSql op) {
        return state;
    }

    /** Hand-written Java does not change the state. */
    @Override public ProjectState visit(RunJava op) {
        return state;
    }

    /** Its state operations, in order; its database operations do not touch the state. */
    @Override public ProjectState visit(SeparateDatabaseAndState op) {
        ProjectState s = state;
        for (Operation o : op.state()) {
            s = StateTransitions.apply(o, app, s);
        }
        return s;
    }

    @Override public ProjectState visit(SafeRemoveField op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            Table t = state.requireTable(app, op.model());
            Column c = requireField(t, op.field());
            boolean filledBySync = state.pending().stream().anyMatch(p -> p instanceof PendingSync ps
                    && ps.table().equals(t.qualifiedName()) && ps.source().equals(c.name()));
            if (c.notNull() && c.defaultSql() == null && !c.isGenerated() && !filledBySync) {
                throw invalid("column " + c.name() + " of " + t.qualifiedName() + " is NOT NULL without a database default:"
                        + " the deployed code stops writing it and every insert would fail",
                        "make it nullable (or give it a database default) in an AlterField before this operation");
            }
            // its indexes and constraints stay in the database with it: moving the field to pending runs no SQL
            var indexes = t.indexes().stream().filter(i -> i.uses(c.name())).toList();
            var constraints = t.constraints().stream().filter(x -> x.uses(c.name())).toList();
            return state.updateTable(app, op.model(), x -> x.withoutColumn(c.name()))
                    .addPending(new PendingColumn(app, op.model(), t.qualifiedName(), c, indexes, constraints));
        }
        PendingColumn pending = TransitionChecks.pendingColumn(app, op.model(), op.field(), state);
        TransitionChecks.requireNoSync(pending.table(), pending.column().name(), "dropping", state);
        return state.removePending(pending).droppingColumn(pending.table(), pending.column().name());
    }

    @Override public ProjectState visit(SafeDeleteModel op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            Table t = state.requireTable(app, op.model());
            var referencing = new java.util.ArrayList<>(state.tables().stream().filter(o -> o != t)
                    .filter(o -> o.foreignKeys().stream().anyMatch(fk -> fk.enforced() && fk.targetTable().equals(t.qualifiedName())))
                    .map(o -> o.app() + "." + o.model()).toList());
            referencing.addAll(TransitionChecks.pendingReferences(t.qualifiedName(), state));
            if (!referencing.isEmpty()) {
                throw invalid("table " + t.qualifiedName() + " is still referenced by foreign keys of " + referencing,
                        "remove those foreign keys before deleting " + op.model());
            }
            if (t.foreignKeys().stream().anyMatch(ForeignKey::enforced)) {
                throw invalid("table " + t.qualifiedName() + " still has foreign keys to other tables: "
                        + t.foreignKeys().stream().filter(ForeignKey::enforced).map(ForeignKey::name).toList(),
                        "remove them (RemoveConstraint) before moving the model to pending");
            }
            return state.removeTable(app, op.model()).addPending(new PendingTable(app, op.model(), t));
        }
        PendingTable pending = TransitionChecks.pendingTable(app, op.model(), state);
        TransitionChecks.requireNoSyncOn(pending.table(), "dropping", state);
        return state.removePending(pending);
    }

    @Override public ProjectState visit(SafeDeleteSequence op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return state.removeSequence(op.name()).addPending(new PendingSequence(app, state.requireSequence(op.name())));
        }
        return state.removePending(TransitionChecks.pendingSequence(op.name(), state));
    }

    @Override public ProjectState visit(RestorePendingSequence op) {
        PendingSequence p = TransitionChecks.pendingSequence(op.name(), state);
        return state.removePending(p).addSequence(p.sequence());
    }

    @Override public ProjectState visit(RecreatePendingSequence op) {
        if (state.sequence(op.sequence().name()).isPresent()) {
            throw invalid("sequence " + op.sequence().name() + " already exists", "delete it before recreating it as pending");
        }
        return state.addPending(new PendingSequence(app, op.sequence()));
    }

    @Override public ProjectState visit(CreateCompatibilityView op) {
        Table t = state.tableNamed(op.table()).orElseThrow(() -> invalid("the view " + op.view() + " is over table " + op.table()
                + ", which no model has", "name the renamed table as it is called after the rename"));
        if (op.columns().size() > t.columns().size()) {
            throw invalid("the view " + op.view() + " has " + op.columns().size() + " columns, the table " + t.qualifiedName()
                    + " only " + t.columns().size(), "list one old name per column of the table, in its order");
        }
        if (state.tableNameTaken(op.view())) {
            throw invalid("a table " + op.view() + " already exists", "the view takes the old name of the renamed table: rename the table first");
        }
        return state.addPending(new PendingView(app, op.view(), op.table(), op.columns()));
    }

    @Override public ProjectState visit(DropCompatibilityView op) {
        return state.removePending(TransitionChecks.pendingView(op.view(), state));
    }

    /**
     * The field takes the other field's column under its own column's name; the other field takes the field's
     * former column, renamed. Indexes and constraints follow their columns; the columns keep their places.
     */
    @Override public ProjectState visit(SwitchColumn op) {
        return state.updateTable(app, op.model(), t -> {
            Column mine = requireField(t, op.field());
            Column theirs = requireField(t, op.other());
            TransitionChecks.requireNotKeptByPending(t, mine.name(), "switching", state);
            TransitionChecks.requireNotKeptByPending(t, theirs.name(), "switching", state);
            if (t.findColumn(op.otherColumn()).isPresent()) {
                throw invalid("table " + t.qualifiedName() + " already has a column " + op.otherColumn(),
                        "name the switched-out column with a free name");
            }
            Column out = mine.name(op.otherColumn()).field(op.other());
            return t.replaceColumn(mine.name(), out.field(null))
                    .replaceColumn(theirs.name(), theirs.name(mine.name()).field(op.field()))
                    .replaceColumn(out.name(), out);
        });
    }

    @Override public ProjectState visit(AddColumnSync op) {
        Table t = state.requireTable(app, op.model());
        for (String c : java.util.List.of(op.source(), op.column())) {
            if (!TransitionChecks.hasPhysicalColumn(t, c, state)) {
                throw invalid("table " + t.qualifiedName() + " of " + app + "." + op.model() + " has no column " + c
                        + " to keep in step. Its columns: " + t.columns().stream().map(Column::name).toList(),
                        "add the column (AddField) before the sync, or correct the column name (the database's, not the field's)");
            }
            TransitionChecks.syncUsing(t.qualifiedName(), c, state).ifPresent(ps -> {
                throw invalid("column " + c + " of " + t.qualifiedName() + " is already kept in step by the trigger "
                        + ps.triggerName() + " (column " + ps.column() + " from column " + ps.source() + ")",
                        "drop that sync first (removeColumnSync), or finish its transition with makemigrations --delete-pending");
            });
        }
        return state.addPending(new PendingSync(app, op.model(), t.qualifiedName(), op.source(), op.column(), op.forward(), op.backward()));
    }

    @Override public ProjectState visit(RemoveColumnSync op) {
        return state.removePending(TransitionChecks.pendingSync(app, op.model(), op.column(), state));
    }

    @Override public ProjectState visit(CopyColumn op) {
        Table t = state.requireTable(app, op.model());
        if (!TransitionChecks.hasPhysicalColumn(t, op.column(), state)) {
            throw invalid("table " + t.qualifiedName() + " of " + app + "." + op.model() + " has no column " + op.column()
                    + " to fill. Its columns: " + t.columns().stream().map(Column::name).toList(),
                    "correct the column name (the database's, not the field's), or add the column in an earlier migration");
        }
        return state;
    }

    @Override public ProjectState visit(RestorePendingField op) {
        PendingColumn p = TransitionChecks.pendingColumn(app, op.model(), op.field(), state);
        return state.removePending(p).updateTable(app, op.model(), t -> {
            Table restored = t.column(p.column());
            for (Index i : p.indexes()) {
                restored = restored.index(i);
            }
            for (Constraint c : p.constraints()) {
                restored = restored.constraint(c);
            }
            return restored;
        });
    }

    @Override public ProjectState visit(RestorePendingModel op) {
        PendingTable p = TransitionChecks.pendingTable(app, op.model(), state);
        return state.removePending(p).addTable(app, op.model(), p.definition());
    }

    @Override public ProjectState visit(RecreatePendingField op) {
        return state.addPending(new PendingColumn(app, op.model(), op.table(), op.column(), op.indexes(), op.constraints()));
    }

    @Override public ProjectState visit(RecreatePendingModel op) {
        return state.addPending(new PendingTable(app, op.model(), op.definition()));
    }
}
