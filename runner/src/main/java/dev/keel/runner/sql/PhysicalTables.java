package dev.keel.runner.sql;

import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.Identity;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tables a state stands for in the database: the models' tables plus what is pending deletion
 * (pending tables, and pending columns in their tables with the indexes and constraints kept with them), since
 * those are still there.
 */
public final class PhysicalTables {
    private PhysicalTables() {}

    /** Every table the database holds for {@code state}, sorted by qualified name, pending columns last. */
    public static List<Table> of(ProjectState state) {
        var tables = new ArrayList<Table>(state.tables());
        for (PendingDeletion p : state.pending()) {
            if (p instanceof PendingTable pt) {
                tables.add(pt.definition());
            }
        }
        tables.sort(Comparator.comparing(Table::qualifiedName));
        var result = new ArrayList<Table>();
        for (Table t : tables) {
            result.add(withPending(state, t));
        }
        return result;
    }

    /**
     * The first table of {@link #of}{@code (state)} that {@code matches}, without building the others: of the tables
     * that match, the one first by qualified name (a model's table before a pending one of the same name, as the
     * stable sort of {@link #of} orders them), with what is pending in it. A statement's locks look up one table of a
     * state this way, for each statement of a migration.
     */
    public static Optional<Table> first(ProjectState state, Predicate<Table> matches) {
        Table best = null;
        for (Table t : state.tables()) {
            best = earlier(state, t, best, matches);
        }
        for (PendingDeletion p : state.pending()) {
            if (p instanceof PendingTable pt) {
                best = earlier(state, pt.definition(), best, matches);
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code t} with what is pending in it, when it matches and comes before {@code best} by qualified name; else {@code best}. */
    private static Table earlier(ProjectState state, Table t, Table best, Predicate<Table> matches) {
        if (best != null && t.qualifiedName().compareTo(best.qualifiedName()) >= 0) {
            return best;
        }
        Table physical = withPending(state, t);
        return matches.test(physical) ? physical : best;
    }

    /** {@code t} as the database holds it: with its pending columns, and the indexes and constraints kept with them. */
    private static Table withPending(ProjectState state, Table t) {
        Table withPending = t;
        for (PendingDeletion p : state.pending()) {
            if (p instanceof PendingColumn pc && pc.table().equals(t.qualifiedName())
                    && t.findColumn(pc.column().name()).isEmpty()) {
                withPending = withPending.column(pc.column().field(null));
            }
        }
        for (PendingDeletion p : state.pending()) {
            // the indexes and constraints kept with a pending column, once every pending column is in place
            if (p instanceof PendingColumn pc && pc.table().equals(t.qualifiedName())) {
                for (Index i : pc.indexes()) {
                    if (withPending.findIndex(i.name()).isEmpty()) {
                        withPending = withPending.index(i);
                    }
                }
                for (Constraint c : pc.constraints()) {
                    if (withPending.findConstraint(c.name()).isEmpty()) {
                        withPending = withPending.constraint(c);
                    }
                }
            }
        }
        return withPending;
    }

    /**
     * The column a pending column is in the database once recreated: as it was, except that a
     * NOT NULL column with neither a default nor an identity comes back nullable (its rows are gone;
     * restoring it to the model sets NOT NULL again). {@code SafeRemoveField} moves such a column to
     * pending only when a sync fills it (the old column of a rename).
     */
    public static Column databaseColumn(Column column) {
        boolean fillable = column.defaultSql() != null || column.identity() != Identity.NONE;
        return column.notNull() && !fillable ? column.nullable() : column;
    }
}
