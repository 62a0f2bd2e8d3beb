package dev.keel.project;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.Operation;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingView;
import dev.keel.state.PendingSync;
import dev.keel.state.Table;

import java.util.Objects;
import java.util.Optional;

/** What the transitions require of a state before they change it, and the errors they raise when it is missing. */
final class TransitionChecks {
    private TransitionChecks() {}

    static Column requireField(Table table, String field) {
        return table.findFieldOrColumn(field).orElseThrow(() -> invalid("model " + table.app() + "." + table.model()
                + " has no field " + field + ". Its fields: "
                + table.columns().stream().map(Column::field).filter(Objects::nonNull).toList(),
                "correct the field name, or add the field in an earlier migration"));
    }

    static Constraint requireConstraint(String app, String model, String name, ProjectState state) {
        var t = state.requireTable(app, model);
        return t.findConstraint(name).orElseThrow(() -> invalid("model " + app + "." + model + " has no constraint "
                + name + ". Its constraints: " + t.constraints().stream().map(Constraint::name).toList(), "correct the constraint name"));
    }

    static Index requireIndex(String app, String model, String name, Table t) {
        return t.findIndex(name).orElseThrow(() -> invalid("model " + app + "." + model + " has no index " + name
                + ". Its indexes: " + t.indexes().stream().map(Index::name).toList(), "correct the index name"));
    }

    /** The pending column of field {@code field} of {@code app.model}. */
    static PendingColumn pendingColumn(String app, String model, String field, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingColumn pc && pc.app().equals(app) && pc.model().equals(model)
                        && field.equals(pc.fieldKey()))
                .map(PendingColumn.class::cast).findFirst()
                .orElseThrow(() -> invalid("no pending column for field " + field + " of " + app + "." + model
                        + ". Pending: " + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "move the field to pending first (SafeRemoveField with MOVE_TO_PENDING)"));
    }

    /** The pending sequence named {@code name}. */
    static PendingSequence pendingSequence(String name, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingSequence ps && ps.sequence().name().equals(name))
                .map(PendingSequence.class::cast).findFirst()
                .orElseThrow(() -> invalid("no pending sequence " + name + ". Pending: "
                        + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "move the sequence to pending first (SafeDeleteSequence with MOVE_TO_PENDING)"));
    }

    /** The view that keeps the old name {@code view} of a renamed table. */
    static PendingView pendingView(String view, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingView pv && pv.view().equals(view))
                .map(PendingView.class::cast).findFirst()
                .orElseThrow(() -> invalid("no view " + view + " keeps the old name of a renamed table. Pending: "
                        + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "correct the view name"));
    }

    /** The sync that keeps {@code column} of {@code app.model}'s table in step with another column. */
    static PendingSync pendingSync(String app, String model, String column, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingSync ps && ps.app().equals(app) && ps.model().equals(model) && ps.column().equals(column))
                .map(PendingSync.class::cast).findFirst()
                .orElseThrow(() -> invalid("no sync keeps column " + column + " of " + app + "." + model
                        + " in step with another column. Pending: "
                        + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "correct the model or column name (the column the sync fills, not its source)"));
    }

    /** The sync of table {@code table} that reads or writes the column {@code column}, if any. */
    static Optional<PendingSync> syncUsing(String table, String column, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingSync ps && ps.table().equals(table)
                        && (ps.source().equals(column) || ps.column().equals(column)))
                .map(PendingSync.class::cast).findFirst();
    }

    /**
     * Refuses to drop or rename the column {@code column} of {@code table} while a sync's trigger uses it: every
     * write to the table would then fail in the trigger.
     */
    static void requireNoSync(String table, String column, String doing, ProjectState state) {
        syncUsing(table, column, state).ifPresent(ps -> {
            throw invalid(doing + " column " + column + " of " + table + ", which the trigger " + ps.triggerName()
                    + " reads and writes to keep column " + ps.column() + " in step with column " + ps.source()
                    + "; every write to the table would fail", "drop the sync first: removeColumnSync(\"" + ps.model()
                    + "\", \"" + ps.column() + "\") before this operation, in the same migration");
        });
    }

    /** Refuses to drop the table {@code table} while a sync's trigger is on it (its pending deletion would be lost). */
    static void requireNoSyncOn(String table, String doing, ProjectState state) {
        state.pending().stream().filter(p -> p instanceof PendingSync ps && ps.table().equals(table))
                .map(PendingSync.class::cast).findFirst().ifPresent(ps -> {
                    throw invalid(doing + " table " + table + ", which still has the trigger " + ps.triggerName()
                            + " that keeps column " + ps.column() + " in step with column " + ps.source(),
                            "drop the sync first: removeColumnSync(\"" + ps.model() + "\", \"" + ps.column()
                                    + "\") before this operation, in the same migration");
                });
    }

    /**
     * Refuses a new index or constraint name that an index or constraint kept with a pending column of {@code table}
     * has: it is still in the database until that column is deleted.
     */
    static void requireNameFreeOfPending(Table table, String name, ProjectState state) {
        state.pendingColumns(table.qualifiedName()).stream().filter(pc -> pc.holdsName(name)).findFirst().ifPresent(pc -> {
            throw invalid("table " + table.qualifiedName() + " still has an index or constraint " + name + ", kept with its pending"
                    + " column " + pc.column().name() + " until that column is deleted",
                    "choose another name, or delete the pending column first (makemigrations --delete-pending)");
        });
    }

    /**
     * Refuses to rename the column {@code column} of {@code table} while an index or constraint kept with a pending
     * column uses it (PostgreSQL would rename it there too, which the pending column's record cannot follow).
     */
    static void requireNotKeptByPending(Table table, String column, String doing, ProjectState state) {
        state.pendingColumns(table.qualifiedName()).stream()
                .filter(pc -> !pc.column().name().equals(column) && pc.keepsUsing(column)).findFirst().ifPresent(pc -> {
                    throw invalid(doing + " column " + column + " of " + table.qualifiedName() + ", which an index or constraint"
                            + " kept with the pending column " + pc.column().name() + " uses",
                            "delete the pending column first (makemigrations --delete-pending), then make this change");
                });
    }

    /** The pending columns whose enforced foreign keys point at the physical table {@code target}, as {@code app.model.column}. */
    static java.util.List<String> pendingReferences(String target, ProjectState state) {
        return state.pending().stream().filter(p -> p instanceof PendingColumn pc && pc.constraints().stream()
                        .anyMatch(c -> c instanceof dev.keel.state.ForeignKey fk && fk.enforced() && fk.targetTable().equals(target)))
                .map(p -> p.app() + "." + p.model() + "." + ((PendingColumn) p).column().name() + " (pending)").toList();
    }

    /** Whether {@code table} has the physical column {@code column}: a column of the model, or a pending one. */
    static boolean hasPhysicalColumn(Table table, String column, ProjectState state) {
        return table.findColumn(column).isPresent() || state.pending().stream().anyMatch(p -> p instanceof PendingColumn pc
                && pc.table().equals(table.qualifiedName()) && pc.column().name().equals(column));
    }

    /** The pending table of {@code app.model}. */
    static PendingTable pendingTable(String app, String model, ProjectState state) {
        return state.pending().stream()
                .filter(p -> p instanceof PendingTable pt && pt.app().equals(app) && pt.model().equals(model))
                .map(PendingTable.class::cast).findFirst()
                .orElseThrow(() -> invalid("no pending table for model " + app + "." + model + ". Pending: "
                        + state.pending().stream().map(PendingDeletion::toString).toList(),
                        "move the model to pending first (SafeDeleteModel with MOVE_TO_PENDING)"));
    }

    static KeelException invalid(String what, String fix) {
        return new KeelException(ErrorKind.INVALID_OPERATION, what + "\nTo fix: " + fix + ".");
    }

    static KeelException irreversible(Operation op) {
        return new KeelException(ErrorKind.IRREVERSIBLE, "operation \"" + op.describe() + "\" has no reverse."
                + "\nTo fix: give it a reverse (RunSql/RunJava take one), or do not migrate backwards past it.");
    }
}
