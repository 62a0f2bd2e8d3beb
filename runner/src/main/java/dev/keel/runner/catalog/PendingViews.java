package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.state.PendingView;
import dev.keel.state.QualifiedNames;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The views that keep a renamed table's old name usable until the contract ({@code CreateCompatibilityView},
 * {@link PendingView}): while the applied migrations hold one, the view must be there with the old column names in
 * their order, or the code still running fails on the old name. Other views are the application's and are not
 * compared. Tables in the default schema are named without it, as {@link Catalog#read(Connection)} names them.
 */
public final class PendingViews {
    private PendingViews() {}

    /** The differences between the compatibility views {@code expected} holds and those of the database, sorted. */
    public static List<String> differences(ProjectState expected, Connection c) throws SQLException {
        var result = new ArrayList<String>();
        String defaultSchema = null;
        for (var p : expected.pending()) {
            if (!(p instanceof PendingView view)) {
                continue;
            }
            String schema = QualifiedNames.schemaOf(view.view());
            if (schema == null) {
                defaultSchema = defaultSchema == null ? Catalog.currentSchema(c) : defaultSchema;
                schema = defaultSchema;
            }
            List<String> columns = columns(c, schema, QualifiedNames.bareName(view.view()));
            if (columns == null) {
                result.add("view " + view.view() + " missing (it keeps the old name of table " + view.target()
                        + " for the code still running)");
            } else if (!columns.equals(view.columns())) {
                result.add("view " + view.view() + ": columns " + String.join(", ", view.columns()) + " vs "
                        + String.join(", ", columns));
            }
        }
        result.sort(null);
        return result;
    }

    /** The columns of view {@code schema.name} in their order; null when there is no such view. */
    private static List<String> columns(Connection c, String schema, String name) throws SQLException {
        try (var st = c.prepareStatement("SELECT a.attname FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace"
                + " LEFT JOIN pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " WHERE v.relkind = 'v' AND n.nspname = ? AND v.relname = ? ORDER BY a.attnum")) {
            st.setString(1, schema);
            st.setString(2, name);
            try (var r = st.executeQuery()) {
                List<String> columns = null;
                while (r.next()) {
                    if (columns == null) {
                        columns = new ArrayList<>();
                    }
                    if (r.getString(1) != null) {
                        columns.add(r.getString(1));
                    }
                }
                return columns;
            }
        }
    }
}
