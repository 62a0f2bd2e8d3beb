package dev.keel.rewrite.rules;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Columns whose values change tables: a table created with its key referencing an existing table's key (a JOINED
 * subclass's table, a one-to-one that shares the key) while columns of the same names leave that table, as when an
 * entity hierarchy goes from {@code SINGLE_TABLE} to {@code JOINED}; or such a table dropped while the table its key
 * references gains its columns ({@code JOINED} to {@code SINGLE_TABLE}). keel writes each side of the change as
 * usual (the new columns or table empty, the old ones kept until {@code --delete-pending}), but it does not know
 * which rows belong where, so it does not copy the values: without the copy, the new code reads the rows that were
 * there with those columns empty. This unit finds such moves and says what to copy, with the SQL.
 */
public final class RowsMovedBetweenTables {
    private RowsMovedBetweenTables() {}

    /**
     * What the user should know about the values the operations that lead from {@code before} to {@code after} move
     * between tables, one note per move.
     */
    public static List<String> notes(String app, ProjectState before, ProjectState after) {
        var notes = new ArrayList<String>();
        for (Table created : after.tables(app)) {
            if (before.tableNamed(created.qualifiedName()).isPresent()) {
                continue;
            }
            keyParent(created).ifPresent(fk -> {
                Optional<Table> old = before.tableNamed(fk.targetTable());
                Optional<Table> now = after.tableNamed(fk.targetTable());
                if (old.isPresent() && now.isPresent()) {
                    List<String> moved = movedColumns(created, now.get(), old.get());
                    if (!moved.isEmpty()) {
                        notes.add(intoNewTable(app, created, old.get(), fk, moved));
                    }
                }
            });
        }
        for (Table dropped : before.tables(app)) {
            if (after.tableNamed(dropped.qualifiedName()).isPresent()) {
                continue;
            }
            keyParent(dropped).ifPresent(fk -> {
                Optional<Table> old = before.tableNamed(fk.targetTable());
                Optional<Table> now = after.tableNamed(fk.targetTable());
                if (old.isPresent() && now.isPresent()) {
                    List<String> moved = movedColumns(dropped, old.get(), now.get());
                    if (!moved.isEmpty()) {
                        notes.add(backIntoParent(app, dropped, now.get(), fk, moved));
                    }
                }
            });
        }
        return notes;
    }

    /** The state after {@code operations}, as written (before keel's safe forms). */
    public static ProjectState applied(String app, ProjectState before, List<Operation> operations) {
        ProjectState state = before;
        for (Operation op : operations) {
            state = StateTransitions.apply(op, app, state);
        }
        return state;
    }

    /** The foreign key of {@code table} whose columns are its whole primary key: the table whose rows it extends. */
    static Optional<ForeignKey> keyParent(Table table) {
        if (table.primaryKey() == null || table.primaryKey().columns().isEmpty()) {
            return Optional.empty();
        }
        return table.foreignKeys().stream().filter(fk -> fk.columns().equals(table.primaryKey().columns())
                && !fk.targetTable().equals(table.qualifiedName())).findFirst();
    }

    /** The columns of {@code child} (beside its key) that {@code with} has and {@code without} has not, of the same type. */
    private static List<String> movedColumns(Table child, Table without, Table with) {
        var moved = new ArrayList<String>();
        for (Column c : child.columns()) {
            if (child.primaryKey().columns().contains(c.name()) || without.findColumn(c.name()).isPresent()) {
                continue;
            }
            with.findColumn(c.name()).filter(w -> w.type().equals(c.type())).ifPresent(w -> moved.add(c.name()));
        }
        return moved;
    }

    private static String entity(Table table) {
        return table.entity() != null ? table.entity() : table.model();
    }

    private static String intoNewTable(String app, Table created, Table parent, ForeignKey fk, List<String> moved) {
        String key = String.join(", ", fk.columns());
        String parentKey = String.join(", ", fk.targetColumns());
        String columns = String.join(", ", moved);
        return app + "." + created.model() + ": column" + (moved.size() == 1 ? " " : "s ") + columns + (moved.size() == 1 ? " moves" : " move") + " from "
                + parent.qualifiedName() + " to the new table " + created.qualifiedName() + ", whose key references "
                + parent.qualifiedName() + " (a JOINED subclass's table). keel creates " + created.qualifiedName()
                + " empty and keeps the old columns until --delete-pending, but does not copy the values: it cannot tell"
                + " which rows of " + parent.qualifiedName() + " are " + entity(created) + "s."
                + "\n  Copy them after this migration, in a data migration (keel makemigrations --empty " + app + "), before"
                + " the new code reads them:"
                + "\n    INSERT INTO " + created.qualifiedName() + " (" + key + ", " + columns + ") SELECT " + parentKey + ", "
                + columns + " FROM " + parent.qualifiedName() + " WHERE <the rows of " + entity(created)
                + ", e.g. its discriminator value>;"
                + "\n  Rows the old code writes during the deploy land in " + parent.qualifiedName() + " only: copy again"
                + " once it is gone, or deploy with the old code stopped.";
    }

    private static String backIntoParent(String app, Table dropped, Table parent, ForeignKey fk, List<String> moved) {
        String columns = String.join(", ", moved);
        var set = new StringBuilder();
        for (String c : moved) {
            set.append(set.length() == 0 ? "" : ", ").append(c).append(" = c.").append(c);
        }
        var join = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("c.").append(fk.columns().get(i)).append(" = p.")
                    .append(fk.targetColumns().get(i));
        }
        return app + "." + dropped.model() + ": column" + (moved.size() == 1 ? " " : "s ") + columns + (moved.size() == 1 ? " moves" : " move") + " from "
                + dropped.qualifiedName() + ", which is dropped, into " + parent.qualifiedName() + ", whose rows it extended"
                + " (a JOINED subclass's table). keel adds " + (moved.size() == 1 ? "it" : "them") + " to " + parent.qualifiedName() + " empty and keeps "
                + dropped.qualifiedName() + " until --delete-pending, but does not copy the values."
                + "\n  Copy them after this migration, in a data migration (keel makemigrations --empty " + app + "), before"
                + " the new code reads them, and before keel makemigrations --delete-pending drops " + dropped.qualifiedName() + ":"
                + "\n    UPDATE " + parent.qualifiedName() + " p SET " + set + " FROM " + dropped.qualifiedName() + " c WHERE "
                + join + ";"
                + "\n  Rows the old code writes during the deploy land in " + dropped.qualifiedName() + ": copy again once it"
                + " is gone, or deploy with the old code stopped.";
    }
}
