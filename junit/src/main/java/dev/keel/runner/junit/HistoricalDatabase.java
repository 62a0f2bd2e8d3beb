package dev.keel.runner.junit;

import dev.keel.migration.HistoricalTable;
import dev.keel.project.ProjectState;
import dev.keel.runner.internal.data.StateTable;
import dev.keel.state.Column;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A test database seen through the schema of one point of the history: models and fields are
 * named as the entities named them then, and turned into the tables and columns of that time.
 * Before the migration it is the state at {@code from}; after, the state at {@code to}.
 *
 * <pre>{@code
 * before.insert("article", Map.of("id", 1L, "body", "three short words"));
 * ...
 * assertEquals(3, after.rows("article").get(0).get("wordCount"));
 * }</pre>
 */
public final class HistoricalDatabase {
    private final Connection connection;
    private final ProjectState state;
    private final String app;
    private final String where;

    HistoricalDatabase(Connection connection, ProjectState state, String app, String where) {
        this.connection = connection;
        this.state = state;
        this.app = app;
        this.where = where;
    }

    /** The connection to the test database, in autocommit mode. */
    public Connection connection() {
        return connection;
    }

    /** The schema at this point of the history. */
    public ProjectState state() {
        return state;
    }

    /**
     * The table of {@code model} of the test's app at this point: {@code table("post").name()}.
     *
     * @throws dev.keel.error.KeelException naming the models there are when there is no such model
     */
    public HistoricalTable table(String model) {
        return table(app, model);
    }

    /** The table of {@code model} of {@code app} at this point. */
    public HistoricalTable table(String app, String model) {
        return StateTable.of(state, app, model, where);
    }

    /** The column of {@code field} of {@code model} at this point, ready for SQL. */
    public String column(String model, String field) {
        return table(model).column(field);
    }

    /**
     * Inserts a row into {@code model}'s table, its values by field name as of this point; columns
     * left out get their database defaults. {@link Instant} values are written as UTC timestamps.
     *
     * @return the row's primary key (its one column), or null when the key has several columns or none
     */
    public Object insert(String model, Map<String, ?> fields) throws SQLException {
        StateTable t = StateTable.of(state, app, model, where);
        var columns = new StringJoiner(", ");
        var marks = new StringJoiner(", ");
        var values = new ArrayList<Object>();
        fields.forEach((field, value) -> {
            columns.add(t.column(field));
            marks.add("?");
            values.add(value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value);
        });
        List<String> key = t.primaryKey();
        String sql = "INSERT INTO " + t.name() + (fields.isEmpty() ? " DEFAULT VALUES" : " (" + columns + ") VALUES (" + marks + ")")
                + (key.size() == 1 ? " RETURNING " + key.get(0) : "");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            if (key.size() != 1) {
                ps.executeUpdate();
                return null;
            }
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }

    /**
     * Every row of {@code model}'s table, in primary-key order, each a map from field name (or, for a
     * column no field owns, column name) to value, in the table's column order.
     */
    public List<Map<String, Object>> rows(String model) throws SQLException {
        StateTable t = StateTable.of(state, app, model, where);
        List<Column> columns = t.table().columns();
        var select = new StringJoiner(", ");
        columns.forEach(c -> select.add(dev.keel.runner.sql.Identifiers.quote(c.name())));
        String order = t.primaryKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", t.primaryKey());
        var rows = new ArrayList<Map<String, Object>>();
        try (var st = connection.createStatement(); ResultSet r = st.executeQuery("SELECT " + select + " FROM " + t.name() + order)) {
            while (r.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    row.put(c.field() == null ? c.name() : c.field(), r.getObject(i + 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of the first row of {@code sql} as a number: {@code count("SELECT count(*) FROM post")}. */
    public long count(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet r = ps.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("the query returned no row: " + sql);
            }
            return r.getLong(1);
        }
    }

    /** Runs one SQL statement with {@code params}; returns the rows it changed. */
    public int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.execute();
            return Math.max(ps.getUpdateCount(), 0);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @Override
    public String toString() {
        return "HistoricalDatabase[" + where + "]";
    }
}
