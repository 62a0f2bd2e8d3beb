package dev.keel.runner.internal.data;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.HistoricalTable;
import dev.keel.migration.MigrationKey;
import dev.keel.project.ProjectState;
import dev.keel.runner.sql.Identifiers;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.List;
import java.util.Objects;

/** A {@link HistoricalTable} read from the state a migration meets; names quoted as PostgreSQL needs. */
public final class StateTable implements HistoricalTable {
    private final Table table;
    private final String where;

    private StateTable(Table table, String where) {
        this.table = table;
        this.where = where;
    }

    /**
     * The table of {@code app.model} in {@code state}.
     *
     * @param where what is asking, for messages: {@code "migration blog.0005_fill (fillSlugs)"}
     * @throws KeelException of kind INVALID_OPERATION listing the app's models when there is no such model
     */
    public static StateTable of(ProjectState state, String app, String model, String where) {
        Objects.requireNonNull(model, "model");
        Table t = state.table(app, model).orElseThrow(() -> new KeelException(ErrorKind.INVALID_OPERATION,
                where + ": there is no model " + app + "." + model + " at this point of the history.\n"
                        + "  Models of " + app + " here: " + modelsOf(state, app) + "\n"
                        + "To fix: use the model's name as of this migration (a later RenameModel does not count yet)."));
        return new StateTable(t, where);
    }

    /** Each model of {@code app} in {@code state}, with its table: {@code post (table post)}. */
    static List<String> modelsOf(ProjectState state, String app) {
        return state.tables(app).stream().map(t -> t.model() + " (table " + t.qualifiedName() + ")").toList();
    }

    /** The migration a method runs in, for messages. */
    static String where(MigrationKey key, String method) {
        return "migration " + key + (method == null ? "" : " (" + method + ")");
    }

    @Override
    public String name() {
        return Identifiers.qualified(table.schema(), table.name());
    }

    /** The table's own name without its schema, quoted as needed: how SQL refers to its columns ({@code post.id}). */
    public String alias() {
        return Identifiers.quote(table.name());
    }

    @Override
    public String column(String field) {
        return Identifiers.quote(rawColumn(field).name());
    }

    /** The state's column of {@code field} (or of the column named so, when no field owns it). */
    public Column rawColumn(String field) {
        Objects.requireNonNull(field, "field");
        return table.findField(field).or(() -> table.findColumn(field).filter(c -> c.field() == null))
                .orElseThrow(() -> new KeelException(ErrorKind.INVALID_OPERATION, where + ": model " + table.app() + "."
                        + table.model() + " (table " + table.qualifiedName() + ") has no field " + field
                        + " at this point of the history.\n  Fields here: " + table.columns().stream()
                        .map(c -> (c.field() == null ? c.name() : c.field()) + " (column " + c.name() + ")").toList()
                        + "\nTo fix: use the field's name as of this migration (a later RenameField does not count yet)."));
    }

    @Override
    public List<String> primaryKey() {
        return table.primaryKey() == null ? List.of()
                : table.primaryKey().columns().stream().map(Identifiers::quote).toList();
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public String toString() {
        return "table " + table.qualifiedName() + " of " + table.app() + "." + table.model();
    }
}
