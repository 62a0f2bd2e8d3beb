package dev.keel.runner.sql;

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
import dev.keel.state.PendingSync;
import dev.keel.operations.RestorePendingSequence;
import dev.keel.operations.RecreatePendingSequence;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.operations.ValidateConstraint;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingTable;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The forwards statements of one operation, given the app and the state it meets. */
final class ForwardSql implements OperationVisitor<List<Step>> {
    private final String app;
    private final ProjectState before;

    ForwardSql(String app, ProjectState before) {
        this.app = app;
        this.before = before;
    }

    private Table table(String model) {
        return before.requireTable(app, model);
    }

    private Column field(Table t, String field) {
        return t.findFieldOrColumn(field).orElseThrow(() -> new IllegalStateException(
                "model " + app + "." + t.model() + " has no field " + field));
    }

    private static List<Step> sql(List<String> statements) {
        return statements.stream().map(Step::sql).toList();
    }

    private static List<Step> sql(String... statements) {
        return sql(List.of(statements));
    }

    private static String alterTable(Table t) {
        return "ALTER TABLE " + Ddl.table(t) + " ";
    }

    // ---- models ----------------------------------------------------------------------------

    @Override public List<Step> visit(CreateModel op) {
        return sql(Ddl.createModel(op.table()));
    }

    @Override public List<Step> visit(DeleteModel op) {
        return sql("DROP TABLE " + Ddl.table(table(op.model())));
    }

    @Override public List<Step> visit(RenameModel op) {
        return List.of();
    }

    @Override public List<Step> visit(AlterModelTable op) {
        Table t = table(op.model());
        String newSchema = Identifiers.schemaOf(op.table());
        String newName = Identifiers.nameOf(op.table());
        var result = new ArrayList<String>();
        String current = Ddl.table(t);
        if (!t.name().equals(newName)) {
            result.add("ALTER TABLE " + current + " RENAME TO " + Identifiers.quote(newName));
            current = Identifiers.qualified(t.schema(), newName);
        }
        if (!Objects.equals(schemaName(t.schema()), schemaName(newSchema))) {
            Ddl.createSchema(newSchema).ifPresent(result::add);
            result.add("ALTER TABLE " + current + " SET SCHEMA " + Identifiers.quote(schemaName(newSchema)));
        }
        // a sync's function is named after its table: it follows the table (the trigger does on its own)
        for (var p : before.pending()) {
            if (p instanceof PendingSync sync && sync.table().equals(t.qualifiedName())) {
                result.addAll(ColumnSyncSql.moved(sync, sync.inTable(op.table())));
            }
        }
        return sql(result);
    }

    private static String schemaName(String schema) {
        return schema == null ? Identifiers.DEFAULT_SCHEMA : schema;
    }

    @Override public List<Step> visit(AlterModelComment op) {
        Table t = table(op.model());
        return Objects.equals(t.comment(), op.comment()) ? List.of() : sql(Ddl.commentOnTable(t, op.comment()));
    }

    // ---- fields ----------------------------------------------------------------------------

    @Override public List<Step> visit(AddField op) {
        return addColumn(table(op.model()), op.column());
    }

    private static List<Step> addColumn(Table t, Column c) {
        var result = new ArrayList<String>();
        result.add(alterTable(t) + "ADD COLUMN " + Ddl.columnDefinition(c));
        if (c.comment() != null) {
            result.add(Ddl.commentOnColumn(t, c.name(), c.comment()));
        }
        return sql(result);
    }

    @Override public List<Step> visit(RemoveField op) {
        Table t = table(op.model());
        return sql(alterTable(t) + "DROP COLUMN " + Identifiers.quote(field(t, op.field()).name()));
    }

    @Override public List<Step> visit(AlterField op) {
        Table t = table(op.model());
        return sql(alterColumn(t, field(t, op.field()), op.column()));
    }

    /** The statements that turn column {@code old} of {@code t} into {@code neu}, in an order PostgreSQL accepts. */
    static List<String> alterColumn(Table t, Column old, Column neu) {
        var result = new ArrayList<String>();
        String alter = alterTable(t) + "ALTER COLUMN " + Identifiers.quote(neu.name()) + " ";
        if (!old.name().equals(neu.name())) {
            result.add(alterTable(t) + "RENAME COLUMN " + Identifiers.quote(old.name()) + " TO " + Identifiers.quote(neu.name()));
        }
        if (neu.isGenerated() && !neu.generated().equals(old.generated())) {
            if (!old.isGenerated()) {
                throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.INVALID_OPERATION, "column " + old.name() + " of "
                        + t.qualifiedName() + " cannot become a generated column (" + neu.generated() + ") in place: PostgreSQL"
                        + " has no such ALTER COLUMN.\nTo fix: add the generated column as a new field (addField) and remove the"
                        + " old one, or keep this one ordinary.");
            }
            // PostgreSQL 17: the column is computed again for every row (a rewrite of the table)
            result.add(alter + "SET EXPRESSION AS (" + neu.generated() + ")");
        }
        if (old.isGenerated() && !neu.isGenerated()) {
            result.add(alter + "DROP EXPRESSION"); // PostgreSQL 13: an ordinary column from now on, values kept
        }
        boolean typeChanges = !old.type().equals(neu.type());
        boolean defaultChanges = !Objects.equals(old.defaultSql(), neu.defaultSql());
        if (old.defaultSql() != null && (defaultChanges || typeChanges)) {
            result.add(alter + "DROP DEFAULT");
        }
        if (old.identity() != Identity.NONE && neu.identity() == Identity.NONE) {
            result.add(alter + "DROP IDENTITY");
        }
        if (typeChanges) {
            result.add(alter + "TYPE " + neu.type() + " USING " + Identifiers.quote(neu.name()) + "::" + neu.type());
        }
        if (old.identity() != Identity.NONE && neu.identity() != Identity.NONE && old.identity() != neu.identity()) {
            result.add(alter + "SET GENERATED " + (neu.identity() == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT"));
        }
        if (neu.notNull() && !old.notNull()) {
            result.add(alter + "SET NOT NULL");
        }
        if (!neu.notNull() && old.notNull()) {
            result.add(alter + "DROP NOT NULL");
        }
        if (old.identity() == Identity.NONE && neu.identity() != Identity.NONE) {
            result.add(alter + "ADD " + Ddl.identityClause(neu.identity()));
        }
        if (neu.defaultSql() != null && (defaultChanges || typeChanges)) {
            result.add(alter + "SET DEFAULT " + neu.defaultSql());
        }
        if (!Objects.equals(old.comment(), neu.comment())) {
            result.add(Ddl.commentOnColumn(t, neu.name(), neu.comment()));
        }
        return result;
    }

    @Override public List<Step> visit(RenameField op) {
        if (op.stateOnly()) {
            return List.of();
        }
        Table t = table(op.model());
        String old = field(t, op.oldField()).name();
        return old.equals(op.newColumn()) ? List.of()
                : sql(alterTable(t) + "RENAME COLUMN " + Identifiers.quote(old) + " TO " + Identifiers.quote(op.newColumn()));
    }

    /** Two renames: the field's column makes room, the other field's column takes its name. */
    @Override public List<Step> visit(dev.keel.operations.SwitchColumn op) {
        Table t = table(op.model());
        String mine = field(t, op.field()).name();
        String theirs = field(t, op.other()).name();
        return sql(List.of(
                alterTable(t) + "RENAME COLUMN " + Identifiers.quote(mine) + " TO " + Identifiers.quote(op.otherColumn()),
                alterTable(t) + "RENAME COLUMN " + Identifiers.quote(theirs) + " TO " + Identifiers.quote(mine)));
    }

    // ---- indexes and constraints -----------------------------------------------------------

    @Override public List<Step> visit(AddIndex op) {
        return sql(Ddl.createIndex(table(op.model()), op.index(), op.isConcurrent()));
    }

    @Override public List<Step> visit(RemoveIndex op) {
        return sql(Ddl.dropIndex(table(op.model()), op.name(), op.isConcurrent()));
    }

    @Override public List<Step> visit(RenameIndex op) {
        Table t = table(op.model());
        return sql("ALTER INDEX " + Identifiers.qualified(t.schema(), op.oldName()) + " RENAME TO " + Identifiers.quote(op.newName()));
    }

    @Override public List<Step> visit(AddConstraint op) {
        return Ddl.addConstraint(table(op.model()), op.constraint()).map(ForwardSql::sql).orElse(List.of());
    }

    @Override public List<Step> visit(RemoveConstraint op) {
        Table t = table(op.model());
        if (!hasDatabaseConstraint(t, op.name())) {
            return List.of();
        }
        return sql(alterTable(t) + "DROP CONSTRAINT " + Identifiers.quote(op.name()));
    }

    @Override public List<Step> visit(ValidateConstraint op) {
        Table t = table(op.model());
        if (!hasDatabaseConstraint(t, op.name())) {
            return List.of();
        }
        return sql(alterTable(t) + "VALIDATE CONSTRAINT " + Identifiers.quote(op.name()));
    }

    /** Attaches a unique index as the constraint; PostgreSQL renames the index to the constraint's name. */
    @Override public List<Step> visit(AddConstraintUsingIndex op) {
        Table t = table(op.model());
        var u = op.constraint();
        return sql(alterTable(t) + "ADD CONSTRAINT " + Identifiers.quote(u.name()) + " UNIQUE USING INDEX "
                + Identifiers.quote(op.index())
                + (u.isInitiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : u.isDeferrable() ? " DEFERRABLE" : ""));
    }

    @Override public List<Step> visit(RenameConstraint op) {
        Table t = table(op.model());
        if (!hasDatabaseConstraint(t, op.oldName())) {
            return List.of();
        }
        return sql(alterTable(t) + "RENAME CONSTRAINT " + Identifiers.quote(op.oldName()) + " TO " + Identifiers.quote(op.newName()));
    }

    /** False for a foreign key declared without a database constraint. */
    private static boolean hasDatabaseConstraint(Table t, String name) {
        Constraint c = t.findConstraint(name).orElse(null);
        return !(c instanceof ForeignKey fk && !fk.enforced());
    }

    // ---- sequences -------------------------------------------------------------------------

    @Override public List<Step> visit(CreateSequence op) {
        var result = new ArrayList<String>();
        Ddl.createSchema(Identifiers.schemaOf(op.sequence().name())).ifPresent(result::add);
        result.add(Ddl.createSequence(op.sequence()));
        return sql(result);
    }

    @Override public List<Step> visit(AlterSequence op) {
        Sequence old = before.requireSequence(op.sequence().name());
        Sequence neu = op.sequence();
        String changes = (old.start() == neu.start() ? "" : " START WITH " + neu.start())
                + (old.increment() == neu.increment() ? "" : " INCREMENT BY " + neu.increment());
        return changes.isEmpty() ? List.of() : sql("ALTER SEQUENCE " + Identifiers.qualified(neu.name()) + changes);
    }

    @Override public List<Step> visit(DeleteSequence op) {
        return sql("DROP SEQUENCE " + Identifiers.qualified(op.name()));
    }

    /** A rename keeps the sequence's value: ids go on from where they were. */
    @Override public List<Step> visit(RenameSequence op) {
        String oldSchema = Identifiers.schemaOf(op.oldName());
        String newSchema = Identifiers.schemaOf(op.newName());
        String newName = Identifiers.nameOf(op.newName());
        var result = new ArrayList<String>();
        String current = Identifiers.qualified(op.oldName());
        if (!Identifiers.nameOf(op.oldName()).equals(newName)) {
            result.add("ALTER SEQUENCE " + current + " RENAME TO " + Identifiers.quote(newName));
            current = Identifiers.qualified(oldSchema, newName);
        }
        if (!Objects.equals(schemaName(oldSchema), schemaName(newSchema))) {
            Ddl.createSchema(newSchema).ifPresent(result::add);
            result.add("ALTER SEQUENCE " + current + " SET SCHEMA " + Identifiers.quote(schemaName(newSchema)));
        }
        return sql(result);
    }

    /**
     * The new sequence, with the old one's start and increment, set to begin two increments above the old one's
     * cap (its value now plus the headroom, computed when the migration runs): the old code's ids stay at or below
     * the cap (or within one block above it), the new code's above it.
     */
    @Override public List<Step> visit(ForkSequence op) {
        Sequence old = before.requireSequence(op.oldName());
        Sequence neu = new Sequence(op.newName(), old.start(), old.increment(), old.database());
        String oldName = Identifiers.qualified(op.oldName());
        var result = new ArrayList<String>();
        Ddl.createSchema(Identifiers.schemaOf(op.newName())).ifPresent(result::add);
        result.add(Ddl.createSequence(neu));
        result.add("DO $keel$\nDECLARE\n    cap bigint;\nBEGIN\n"
                + "    -- the ids the running code can still draw from " + op.oldName() + ": " + op.headroom() + "\n"
                + "    SELECT last_value + " + op.headroom() + " INTO cap FROM " + oldName + ";\n"
                + "    EXECUTE 'ALTER SEQUENCE " + oldName.replace("'", "''") + " MAXVALUE ' || cap;\n"
                + "    PERFORM setval(" + Identifiers.literal(Identifiers.qualified(op.newName())) + ", cap + 2 * " + old.increment() + ", false);\n"
                + "END\n$keel$");
        return sql(result);
    }

    /** The old sequence without its cap, past every value either sequence gave; the new one dropped. */
    @Override public List<Step> visit(UnforkSequence op) {
        String oldName = Identifiers.qualified(op.oldName());
        String newName = Identifiers.qualified(op.newName());
        return sql("DO $keel$\nBEGIN\n"
                        + "    ALTER SEQUENCE " + oldName + " NO MAXVALUE;\n"
                        + "    PERFORM setval(" + Identifiers.literal(oldName) + ", greatest((SELECT last_value FROM " + oldName
                        + "), (SELECT last_value FROM " + newName + ")));\n"
                        + "END\n$keel$",
                "DROP SEQUENCE " + newName);
    }

    @Override public List<Step> visit(CreateCompatibilityView op) {
        Table t = before.tableNamed(op.table()).orElseThrow(() -> new IllegalStateException("no table " + op.table()));
        return sql(Ddl.createCompatibilityView(op.view(), t, op.columns()));
    }

    @Override public List<Step> visit(AddColumnSync op) {
        Table t = table(op.model());
        return sql(ColumnSyncSql.create(new PendingSync(app, op.model(), t.qualifiedName(), op.source(), op.column(),
                op.forward(), op.backward())));
    }

    @Override public List<Step> visit(RemoveColumnSync op) {
        PendingSync sync = before.pending().stream()
                .filter(p -> p instanceof PendingSync ps && ps.app().equals(app) && ps.model().equals(op.model())
                        && ps.column().equals(op.column()))
                .map(PendingSync.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sync of column " + op.column() + " of " + app + "." + op.model()));
        return sql(ColumnSyncSql.drop(sync));
    }

    @Override public List<Step> visit(CopyColumn op) {
        return List.of(ColumnCopySql.step(table(op.model()), op.model(), op.column(), op.expression()));
    }

    @Override public List<Step> visit(DropCompatibilityView op) {
        return sql("DROP VIEW IF EXISTS " + Identifiers.qualified(op.view()));
    }

    @Override public List<Step> visit(SafeDeleteSequence op) {
        return op.action() == DeletionAction.MOVE_TO_PENDING ? List.of()
                : sql("DROP SEQUENCE " + Identifiers.qualified(op.name()));
    }

    @Override public List<Step> visit(RestorePendingSequence op) {
        return List.of();
    }

    @Override public List<Step> visit(RecreatePendingSequence op) {
        var result = new ArrayList<String>();
        Ddl.createSchema(Identifiers.schemaOf(op.sequence().name())).ifPresent(result::add);
        result.add(Ddl.createSequence(op.sequence()));
        return sql(result);
    }

    // ---- code ------------------------------------------------------------------------------

    @Override public List<Step> visit(RunSql op) {
        return sql(op.sql());
    }

    @Override public List<Step> visit(RunJava op) {
        return List.of(new Step.Java(op.forward()));
    }

    /** The database operations only, each against the database-side state the previous ones left. */
    @Override public List<Step> visit(SeparateDatabaseAndState op) {
        var result = new ArrayList<Step>();
        ProjectState s = before;
        for (Operation o : op.database()) {
            result.addAll(OperationSql.forwards(app, s, o));
            s = StateTransitions.apply(o, app, s);
        }
        return result;
    }

    // ---- safe removals ---------------------------------------------------------------------

    @Override public List<Step> visit(SafeRemoveField op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return List.of();
        }
        PendingColumn p = pendingColumn(op);
        return sql("ALTER TABLE " + Identifiers.qualified(p.table()) + " DROP COLUMN " + Identifiers.quote(p.column().name()));
    }

    private PendingColumn pendingColumn(SafeRemoveField op) {
        return before.pending().stream()
                .filter(p -> p instanceof PendingColumn pc && pc.app().equals(app) && pc.model().equals(op.model())
                        && op.field().equals(pc.fieldKey()))
                .map(PendingColumn.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending column for " + app + "." + op.model() + "." + op.field()));
    }

    @Override public List<Step> visit(SafeDeleteModel op) {
        if (op.action() == DeletionAction.MOVE_TO_PENDING) {
            return List.of();
        }
        PendingTable p = before.pending().stream()
                .filter(x -> x instanceof PendingTable pt && pt.app().equals(app) && pt.model().equals(op.model()))
                .map(PendingTable.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending table for " + app + "." + op.model()));
        return sql("DROP TABLE " + Ddl.table(p.definition()));
    }

    /**
     * Nothing, except for a NOT NULL column without a default: recreated after its deletion it came back nullable,
     * so it is made NOT NULL again (a no-op, under a brief lock, when it never left; a column that has NULLs since
     * its recreation fails here, naming them, until they are filled).
     */
    @Override public List<Step> visit(RestorePendingField op) {
        PendingColumn p = before.pending().stream()
                .filter(x -> x instanceof PendingColumn pc && pc.app().equals(app) && pc.model().equals(op.model())
                        && op.field().equals(pc.fieldKey()))
                .map(PendingColumn.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending column for " + app + "." + op.model() + "." + op.field()));
        if (PhysicalTables.databaseColumn(p.column()).equals(p.column())) {
            return List.of();
        }
        Table t = Table.named(Identifiers.nameOf(p.table())).schema(Identifiers.schemaOf(p.table()));
        return sql(alterTable(t) + "ALTER COLUMN " + Identifiers.quote(p.column().name()) + " SET NOT NULL");
    }

    @Override public List<Step> visit(RestorePendingModel op) {
        return List.of();
    }

    @Override public List<Step> visit(RecreatePendingField op) {
        Table t = Table.named(Identifiers.nameOf(op.table())).schema(Identifiers.schemaOf(op.table()));
        var result = new ArrayList<Step>(addColumn(t, PhysicalTables.databaseColumn(op.column())));
        // the indexes and constraints it was deleted with (its values are gone: they hold for the NULLs it comes back with)
        op.indexes().forEach(i -> result.add(Step.sql(Ddl.createIndex(t, i, false))));
        op.constraints().forEach(c -> Ddl.addConstraint(t, c).map(Step::sql).ifPresent(result::add));
        return result;
    }

    @Override public List<Step> visit(RecreatePendingModel op) {
        return sql(Ddl.createModel(op.definition()));
    }
}
